using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace BtLang.Runtime.Tests.Probes;

/// <summary>
/// The C workload of the probe tests (Fixtures/workload.c), built once per test run with gcc under a unique name, so
/// that a predicate on its comm or path matches only processes the tests start. Built without PIE and at -O0 so that
/// function addresses are those of the symbol table and USDT arguments use registers, memory and constants.
/// </summary>
internal static class Workload
{
    private static readonly Lazy<string> Built = new(() => Build("workload.c"), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The path of the built workload.</summary>
    public static string Path => Built.Value;

    /// <summary>Its comm (the file name: shorter than 16 characters).</summary>
    public static string Comm => System.IO.Path.GetFileName(Path);

    /// <summary>The address of a function of the workload, from its symbol table (nm).</summary>
    public static ulong AddressOf(string symbol) => AddressOf(Path, symbol);

    /// <summary>
    /// Starts the workload in "wait" mode: it prints the address of its global and blocks until <see cref="Release"/>;
    /// it pauses <paramref name="roundMs"/> after each round when that is positive.
    /// </summary>
    public static Process StartWaiting(int rounds, int lingerMs = 0, int roundMs = 0)
    {
        var info = new ProcessStartInfo(Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(rounds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        info.ArgumentList.Add("wait");
        info.ArgumentList.Add(lingerMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (roundMs > 0)
        {
            info.ArgumentList.Add(roundMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return Process.Start(info)!;
    }

    /// <summary>Lets a waiting workload run its rounds, and waits (bounded) for it to exit.</summary>
    public static void Release(Process workload)
    {
        workload.StandardInput.WriteLine("go");
        workload.StandardInput.Flush();
        if (!workload.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            workload.Kill();
            throw new TimeoutException("the workload did not finish");
        }
    }

    private static readonly Lazy<string> BuiltWatched = new(() => Build("watched.c"), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The built Fixtures/watched.c: adds to the .data global <c>bt_data_watched</c> ROUNDS times.</summary>
    public static string WatchedPath => BuiltWatched.Value;

    private static readonly Lazy<string> BuiltSyscalls = new(() => Build("syscalls.c"), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The built Fixtures/syscalls.c: known numbers of stat, uname, read and compat getpid calls.</summary>
    public static string SyscallsPath => BuiltSyscalls.Value;

    /// <summary>The address of a symbol of a built fixture, from its symbol table (nm).</summary>
    public static ulong AddressOf(string binary, string symbol)
    {
        var (code, output) = KernelFacts.Run("nm", binary);
        Assert.True(code == 0, output);
        var line = output.Split('\n').Single(l => l.EndsWith(" " + symbol, StringComparison.Ordinal));
        return Convert.ToUInt64(line[..16], 16);
    }

    private static string Build(string fixture = "workload.c", [CallerFilePath] string here = "")
    {
        string source = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(here)!, "..", "Fixtures", fixture);
        string dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "btlang-probe-tests");
        Directory.CreateDirectory(dir);
        string output = System.IO.Path.Combine(dir, "btw" + Guid.NewGuid().ToString("N")[..10]);
        var (code, log) = KernelFacts.Run("gcc", "-O0", "-g", "-no-pie", "-Wall", "-o", output, source);
        Assert.True(code == 0, "gcc failed (is gcc installed, and systemtap-sdt-dev for <sys/sdt.h>?)\n" + log);
        return output;
    }
}
