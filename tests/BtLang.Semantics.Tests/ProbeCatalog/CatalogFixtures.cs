using System.Diagnostics;

namespace BtLang.Semantics.Tests.ProbeCatalog;

/// <summary>Paths of the catalog fixtures and helpers to build small native test programs.</summary>
internal static class CatalogFixtures
{
    private static readonly Lazy<string> LazyRepoRoot = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BtLang.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root (BtLang.sln) not found above " + AppContext.BaseDirectory);
    });

    public static string RepoRoot => LazyRepoRoot.Value;

    public static string Directory(string name) => Path.Combine(RepoRoot, "tests", "fixtures", "catalog", name);

    public static bool IsRoot => Environment.UserName == "root" || GetEuid() == 0;

    /// <summary>Compiles C source with gcc into a fresh temp directory; returns the binary path.</summary>
    public static string CompileC(string name, string source, string flags = "-O0 -g")
    {
        string dir = Path.Combine(Path.GetTempPath(), "btlang-catalog-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(dir);
        string c = Path.Combine(dir, name + ".c");
        string output = Path.Combine(dir, name);
        File.WriteAllText(c, source);
        var (code, text) = Run("gcc", $"{flags} -o {output} {c}");
        if (code != 0)
            throw new InvalidOperationException("gcc failed: " + text);
        return output;
    }

    /// <summary>Runs a command and returns its exit code and combined output (bounded to 60 s).</summary>
    public static (int ExitCode, string Output) Run(string file, string arguments)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {arguments} did not finish in 60 s");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static uint GetEuid()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("Uid:", StringComparison.Ordinal))
                    return uint.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[2]);
            }
        }
        catch (IOException)
        {
        }
        return uint.MaxValue;
    }
}
