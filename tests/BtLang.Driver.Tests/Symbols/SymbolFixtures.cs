using System.Diagnostics;

namespace BtLang.Driver.Tests.Symbols;

/// <summary>Fixture paths and a gcc helper for the symbolizer tests.</summary>
internal static class SymbolFixtures
{
    private static readonly Lazy<string> LazyRepoRoot = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "BtLang.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    });

    public static string File(string name) => Path.Combine(LazyRepoRoot.Value, "tests", "fixtures", "catalog", "symbols", name);

    public static string CompileC(string name, string source, string flags)
    {
        string dir = Path.Combine(Path.GetTempPath(), "btlang-symbol-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        string c = Path.Combine(dir, name + ".c");
        string output = Path.Combine(dir, name);
        System.IO.File.WriteAllText(c, source);
        var (code, text) = Run("gcc", $"{flags} -o {output} {c}");
        if (code != 0)
            throw new InvalidOperationException("gcc failed: " + text);
        return output;
    }

    public static (int ExitCode, string Output) Run(string file, string arguments)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish in 60 s");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
