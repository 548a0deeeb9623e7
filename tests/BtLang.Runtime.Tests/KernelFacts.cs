using System.Diagnostics;

namespace BtLang.Runtime.Tests;

/// <summary>What the kernel tests need to know about the machine, and the leak check every test ends with.</summary>
internal static class KernelFacts
{
    public const int SigInt = 2;
    public const int SigTerm = 15;
    public const int SigHup = 1;

    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>The BPF programs that look like ours (names start with bt_p) loaded in the kernel now.</summary>
    public static IReadOnlyList<string> LoadedPrograms()
    {
        var (_, output) = Run("bpftool", "prog show");
        return output.Split('\n').Where(line => line.Contains(" name bt_p", StringComparison.Ordinal)).ToList();
    }

    /// <summary>
    /// Programs of ours loaded now that were not loaded when <paramref name="before"/> was taken. Comparing with a
    /// snapshot keeps the check honest on a machine where other BtLang runs may be going on at the same time.
    /// </summary>
    public static IReadOnlyList<string> ProgramsLoadedSince(IReadOnlyList<string> before)
    {
        var earlier = before.Select(l => l.Split(':')[0]).ToHashSet();
        return LoadedPrograms().Where(l => !earlier.Contains(l.Split(':')[0])).ToList();
    }

    public static (int Code, string Output) Run(string file, string arguments) =>
        Run(file, arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public static (int Code, string Output) Run(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    /// <summary>A copy of a system binary under a unique name, so a predicate on comm matches only our workload.</summary>
    public static string UniqueCopyOf(string binary, out string comm)
    {
        comm = "bt" + Guid.NewGuid().ToString("N")[..10];
        string dir = Path.Combine(Path.GetTempPath(), "btlang-runtime-tests");
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, comm);
        File.Copy(binary, path, overwrite: true);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public static void RunWorkload(string path, string arguments, int times)
    {
        for (int i = 0; i < times; i++)
        {
            using var process = Process.Start(new ProcessStartInfo(path, arguments) { UseShellExecute = false, RedirectStandardOutput = true })!;
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
        }
    }
}
