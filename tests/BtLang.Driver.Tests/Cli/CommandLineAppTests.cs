using BtLang.Driver.Cli;

namespace BtLang.Driver.Tests.Cli;

public sealed class CommandLineAppTests
{
    private sealed record Outcome(int ExitCode, string Stdout, string Stderr, RecordingHost? Host);

    private static Outcome Run(FakeEnvironment environment, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        RecordingHost? host = null;
        int code = CommandLineApp.Run(args, environment, stdout, stderr, () => host = new RecordingHost());
        return new Outcome(code, stdout.ToString(), stderr.ToString(), host);
    }

    private static Outcome Run(params string[] args) => Run(new FakeEnvironment().WithFile("x.bt", "BEGIN {}").WithFile("x.o", "o"), args);

    [Theory]
    [InlineData("-h")]
    [InlineData("--help")]
    public void HelpGoesToStdoutAndNeedsNoHost(string flag)
    {
        var outcome = Run(flag);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(HelpText.For(HelpTopic.Main), outcome.Stdout);
        Assert.Empty(outcome.Stderr);
        Assert.Null(outcome.Host);
    }

    [Fact]
    public void SubcommandHelp() => Assert.Equal(HelpText.For(HelpTopic.Run), Run("run", "--help").Stdout);

    [Fact]
    public void Version()
    {
        var outcome = Run("-V");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("btlang v0.1.0 (bpftrace v0.26 language)\n", outcome.Stdout);
        Assert.Null(outcome.Host);
    }

    [Theory]
    [InlineData("ERROR: unrecognized option '--bogus'", "--bogus", "x.bt")]
    [InlineData("ERROR: failed to open file 'missing.bt': No such file or directory", "missing.bt")]
    [InlineData("ERROR: option requires an argument -- 'e'", "-e")]
    [InlineData("ERROR: Invalid output format \"xml\". Valid formats: 'text', 'json'", "-f", "xml", "x.bt")]
    [InlineData("ERROR: Failed to parse pid: 'abc' is not a number", "-p", "abc", "x.bt")]
    [InlineData("ERROR: USAGE: -B must be either 'line', 'full', or 'none'.", "-B", "foo", "x.bt")]
    [InlineData("ERROR: USAGE: Cannot use both -c and -p.", "-c", "ls", "-p", "1", "x.bt")]
    [InlineData("ERROR: USAGE: filename or -e 'program' required.")]
    public void ErrorsPrintOneLineThenIdThenUsage(string firstLine, params string[] args)
    {
        var outcome = Run(args);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Empty(outcome.Stdout);
        Assert.Null(outcome.Host);
        var lines = outcome.Stderr.Split('\n');
        Assert.Equal(firstLine, lines[0]);
        Assert.Matches("^BT35[0-9][0-9]$", lines[1]);
        Assert.Equal("USAGE:", lines[2]);
        Assert.EndsWith(HelpText.UsageFor(HelpTopic.Main), outcome.Stderr);
    }

    [Fact]
    public void SubcommandErrorsShowTheSubcommandUsage()
    {
        var outcome = Run("compile", "-p", "1", "x.bt");
        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith("ERROR: option '-p' cannot be used with 'btlang compile'\nBT3509\n", outcome.Stderr);
        Assert.EndsWith(HelpText.UsageFor(HelpTopic.Compile), outcome.Stderr);
    }

    [Fact]
    public void EnvironmentErrorsHaveNoUsage()
    {
        var environment = new FakeEnvironment().WithFile("x.bt", "BEGIN {}").WithVariable("BTLANG_MAX_STRLEN", "big");
        var outcome = Run(environment, "x.bt");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal("ERROR: BTLANG_MAX_STRLEN: expecting a number, got big\nBT3510\n", outcome.Stderr);
        Assert.Null(outcome.Host);
    }

    [Fact]
    public void WarningsArePrintedAndTheHostStillRuns()
    {
        var environment = new FakeEnvironment().WithFile("x.bt", "BEGIN {}").WithVariable("BPFTRACE_COLOR", "x");
        var outcome = Run(environment, "x.bt");
        Assert.Equal(10, outcome.ExitCode);
        Assert.StartsWith("WARNING: Invalid env value!", outcome.Stderr);
        Assert.Equal("RunProgram", outcome.Host!.Called);
    }

    [Fact]
    public void NoWarningsSilencesCommandLineWarnings()
    {
        var environment = new FakeEnvironment().WithFile("x.bt", "BEGIN {}").WithVariable("BPFTRACE_COLOR", "x");
        var outcome = Run(environment, "--no-warnings", "x.bt");
        Assert.Equal(10, outcome.ExitCode);
        Assert.Empty(outcome.Stderr);
        Assert.Equal("RunProgram", outcome.Host!.Called);
    }

    [Theory]
    [InlineData("RunProgram", 10, "x.bt")]
    [InlineData("RunProgram", 10, "-e", "BEGIN {}")]
    [InlineData("ListProbes", 11, "-l")]
    [InlineData("ListProbes", 11, "-lv", "tracepoint:*")]
    [InlineData("Compile", 12, "compile", "x.bt", "-o", "y.o")]
    [InlineData("RunObject", 13, "run", "x.o")]
    [InlineData("PrintInfo", 14, "--info")]
    [InlineData("RunLanguageServer", 15, "lsp")]
    public void DispatchesToTheHostAndReturnsItsExitCode(string method, int code, params string[] args)
    {
        var outcome = Run(args);
        Assert.Equal(code, outcome.ExitCode);
        Assert.Equal(method, outcome.Host!.Called);
        Assert.Empty(outcome.Stdout);
        Assert.Empty(outcome.Stderr);
    }

    [Fact]
    public void HostReceivesTheParsedOptions()
    {
        var outcome = Run("-q", "-f", "json", "x.bt", "arg");
        var options = outcome.Host!.Options!;
        Assert.True(options.Quiet);
        Assert.Equal(OutputFormat.Json, options.Format);
        Assert.Equal("x.bt", options.Program!.Name);
        Assert.Equal(new[] { "arg" }, options.PositionalParameters.ToArray());
    }
}
