using System.Diagnostics;
using System.Globalization;

namespace BtLang.Driver.Tests.Fixtures;

/// <summary>
/// The traced workload (bt_workload.c): started stopped at a "ready" line so the test can attach first, then
/// released with <see cref="Go"/> to do an exact number of getpid/openat/function calls/writes.
/// </summary>
internal sealed class Workload : IDisposable
{
    private readonly Process _process;

    private Workload(Process process, int pid, ulong watchedAddress)
    {
        _process = process;
        Pid = pid;
        WatchedAddress = watchedAddress;
    }

    public int Pid { get; }

    /// <summary>The address of the global <c>bt_watched</c> in the running process.</summary>
    public ulong WatchedAddress { get; }

    public static string ProgramPath => FixtureBuilder.Program("bt_workload.c");

    public static Workload Start(int getpids, int opens, int calls, int writes)
    {
        var start = new ProcessStartInfo(ProgramPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(getpids.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(opens.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(calls.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(writes.ToString(CultureInfo.InvariantCulture));
        var process = Process.Start(start)!;
        var readLine = process.StandardOutput.ReadLineAsync();
        if (!readLine.Wait(TimeSpan.FromSeconds(20)) || readLine.Result is not { } line)
        {
            process.Kill();
            throw new InvalidOperationException("workload did not start");
        }

        var parts = line.Split(' ');
        if (parts.Length != 3 || parts[0] != "ready")
        {
            process.Kill();
            throw new InvalidOperationException("unexpected workload output: " + line);
        }

        return new Workload(process, int.Parse(parts[1], CultureInfo.InvariantCulture),
            ulong.Parse(parts[2].AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    /// <summary>Lets the workload run and waits (bounded) until it has finished.</summary>
    public void Go()
    {
        _process.StandardInput.WriteLine("go");
        _process.StandardInput.Flush();
        var readLine = _process.StandardOutput.ReadLineAsync();
        if (!readLine.Wait(TimeSpan.FromSeconds(30)) || readLine.Result?.StartsWith("done", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException("workload did not finish");
        }

        if (!_process.WaitForExit(30_000))
        {
            throw new InvalidOperationException("workload did not exit");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5_000);
        }

        _process.Dispose();
    }
}
