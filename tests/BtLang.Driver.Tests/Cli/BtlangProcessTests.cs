using System.Diagnostics;
using BtLang.Driver.Cli;

namespace BtLang.Driver.Tests.Cli;

/// <summary>Runs the built <c>btlang</c> executable (copied next to the tests) for the paths that need no kernel.</summary>
public sealed class BtlangProcessTests
{
    private static (int ExitCode, string Stdout, string Stderr) RunBtlang(params string[] args)
    {
        var executable = Path.Combine(AppContext.BaseDirectory, "btlang");
        Assert.True(File.Exists(executable), $"{executable} was not built");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A harness-like environment: no inherited configuration variables.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("BPFTRACE_", StringComparison.Ordinal) ||
                                                              k.StartsWith("BTLANG_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
        {
            process.Kill();
            Assert.Fail("btlang did not exit within 20 s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Help()
    {
        var (code, stdout, stderr) = RunBtlang("--help");
        Assert.Equal(0, code);
        Assert.Equal(HelpText.For(HelpTopic.Main), stdout);
        Assert.Empty(stderr);
    }

    [Fact]
    public void Version()
    {
        var (code, stdout, _) = RunBtlang("--version");
        Assert.Equal(0, code);
        Assert.Equal(BuildInfo.VersionLine + "\n", stdout);
        Assert.Matches(@"^btlang v\d+\.\d+\.\d+ \(bpftrace v\d+\.\d+ language\)\n$", stdout);
    }

    [Fact]
    public void UnknownFlag()
    {
        var (code, stdout, stderr) = RunBtlang("--frobnicate", "-e", "BEGIN {}");
        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.StartsWith("ERROR: unrecognized option '--frobnicate'\nBT3500\nUSAGE:\n", stderr);
    }

    [Fact]
    public void MissingScriptFile()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"btlang-missing-{Guid.NewGuid():N}.bt");
        var (code, stdout, stderr) = RunBtlang(missing);
        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.StartsWith($"ERROR: failed to open file '{missing}': No such file or directory\nBT3507\nUSAGE:\n", stderr);
    }

    [Fact]
    public void ScriptThatIsADirectory()
    {
        var (code, _, stderr) = RunBtlang(Path.GetTempPath());
        Assert.Equal(1, code);
        Assert.StartsWith($"ERROR: failed to open file '{Path.GetTempPath()}': Is a directory\n", stderr);
    }

    [Fact]
    public void NoArguments()
    {
        var (code, stdout, stderr) = RunBtlang();
        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.StartsWith("ERROR: USAGE: filename or -e 'program' required.\n", stderr);
    }
}
