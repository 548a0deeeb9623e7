using System.Collections.Immutable;
using BtLang.Driver.Cli;
using BtLang.Semantics.Configuration;

namespace BtLang.Driver.Tests.Cli;

public sealed class CommandLineParserTests
{
    private const string Script = "BEGIN { exit(); }";

    private static FakeEnvironment NewEnvironment() =>
        new FakeEnvironment().WithFile("x.bt", Script).WithFile("x.o", "ELF").WithFile("dir/y.bt", "y");

    private static CommandLineParseResult Parse(params string[] args) => Parse(NewEnvironment(), args);

    private static CommandLineParseResult Parse(FakeEnvironment environment, params string[] args) =>
        CommandLineParser.Parse(args, environment);

    private static DriverOptions Ok(params string[] args) => Ok(NewEnvironment(), args);

    private static DriverOptions Ok(FakeEnvironment environment, params string[] args)
    {
        var result = Parse(environment, args);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(d => d.Message)));
        return result.Options!;
    }

    private static void AssertItems(string[] expected, IEnumerable<string> actual) => Assert.Equal(expected, actual);

    private static void AssertError(string id, string message, params string[] args) =>
        AssertError(NewEnvironment(), id, message, args);

    private static void AssertError(FakeEnvironment environment, string id, string message, params string[] args)
    {
        var result = Parse(environment, args);
        Assert.Equal(CommandLineAction.Fail, result.Action);
        Assert.Null(result.Options);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(id, error.Id);
        Assert.Equal(message, error.Message);
        Assert.True(error.IsError);
    }

    // ---- where the program comes from ----

    [Fact]
    public void InlineProgram()
    {
        var options = Ok("-e", Script);
        Assert.Equal(DriverMode.RunProgram, options.Mode);
        Assert.Equal(new ProgramSource(ProgramSourceKind.CommandLine, "stdin", Script), options.Program);
        Assert.Null(options.Program!.FilePath);
        Assert.Empty(options.PositionalParameters);
        Assert.Empty(options.NamedParameters);
    }

    [Fact]
    public void ScriptFileIsRead()
    {
        var options = Ok("x.bt");
        Assert.Equal(new ProgramSource(ProgramSourceKind.File, "x.bt", Script), options.Program);
        Assert.Equal("x.bt", options.Program!.FilePath);
    }

    [Fact]
    public void DashReadsStandardInput()
    {
        var environment = NewEnvironment();
        environment.StandardInput = "BEGIN { printf(\"in\"); }";
        var options = Ok(environment, "-", "7");
        Assert.Equal(new ProgramSource(ProgramSourceKind.StandardInput, "stdin", environment.StandardInput), options.Program);
        Assert.Equal(1, environment.StandardInputReads);
        AssertItems(["7"], options.PositionalParameters);
    }

    [Fact]
    public void PositionalParametersFollowTheScript()
    {
        AssertItems(["a", "2"], Ok("x.bt", "a", "2").PositionalParameters);
        AssertItems(["a", "x.bt"], Ok("-e", Script, "a", "x.bt").PositionalParameters);
    }

    [Fact]
    public void OptionsMayFollowTheScriptAsWithGetopt()
    {
        var options = Ok("x.bt", "1", "-q", "2", "-fjson");
        Assert.True(options.Quiet);
        Assert.Equal(OutputFormat.Json, options.Format);
        AssertItems(["1", "2"], options.PositionalParameters);
    }

    [Fact]
    public void DoubleDashEndsOptionsAndNamesParameters()
    {
        var options = Ok("-e", Script, "1", "--", "-q", "--size=10", "--", "x");
        Assert.False(options.Quiet);
        AssertItems(["1", "-q", "--", "x"], options.PositionalParameters);
        AssertItems(["size=10"], options.NamedParameters);
    }

    [Fact]
    public void DoubleDashBeforeTheScript()
    {
        var options = Ok("--", "x.bt", "-v");
        Assert.Equal("x.bt", options.Program!.Name);
        Assert.False(options.Verbose);
        AssertItems(["-v"], options.PositionalParameters);
    }

    [Fact]
    public void LastInlineProgramWins() => Assert.Equal("b", Ok("-e", "a", "-e", "b").Program!.Text);

    [Fact]
    public void EmptyInlineProgramCountsAsNone()
    {
        AssertError("BT3506", "USAGE: filename or -e 'program' required.", "-e", "");
        Assert.Equal("x.bt", Ok("-e", "", "x.bt").Program!.Name);
    }

    [Fact]
    public void InlineProgramArgumentMayStartWithDash() => Assert.Equal("-q", Ok("-e", "-q").Program!.Text);

    [Fact]
    public void NoArgumentsAtAll()
    {
        var result = Parse();
        Assert.Equal(CommandLineAction.Fail, result.Action);
        Assert.True(result.ShowUsage);
        Assert.Equal("BT3506", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void OnlyOptionsNoProgram() => AssertError("BT3506", "USAGE: filename or -e 'program' required.", "-q", "-v");

    [Fact]
    public void MissingScriptFile()
    {
        var result = Parse("nope.bt");
        Assert.True(result.ShowUsage);
        Assert.Equal("failed to open file 'nope.bt': No such file or directory", Assert.Single(result.Diagnostics).Message);
        Assert.Equal("BT3507", result.Diagnostics[0].Id);
    }

    // ---- flags ----

    [Fact]
    public void DefaultsMatchBpftrace()
    {
        var options = Ok("x.bt");
        Assert.False(options.Verbose);
        Assert.False(options.Quiet);
        Assert.Equal(OutputFormat.Text, options.Format);
        Assert.Null(options.OutputFile);
        Assert.Equal(OutputBuffering.Line, options.Buffering);
        Assert.Equal(DebugStages.None, options.Debug);
        Assert.False(options.DryRun);
        Assert.False(options.Unsafe);
        Assert.Null(options.Command);
        Assert.Null(options.Pid);
        Assert.Empty(options.IncludeDirectories);
        Assert.Empty(options.IncludeFiles);
        Assert.Equal(WarningLevel.Default, options.Warnings);
        Assert.False(options.UsdtFileActivation);
        Assert.Null(options.EmitElfPath);
        Assert.Null(options.EmitLlvmPath);
        Assert.False(options.VerifyLlvmIr);
        Assert.False(options.NotifyProbesAttached);
        Assert.Equal(ConfigSettings.Default, options.Config);
    }

    [Theory]
    [InlineData("-v")]
    [InlineData("--verbose")]
    [InlineData("--verb")]
    public void Verbose(string flag) => Assert.True(Ok(flag, "x.bt").Verbose);

    [Theory]
    [InlineData("-q")]
    [InlineData("--quiet")]
    public void Quiet(string flag) => Assert.True(Ok(flag, "x.bt").Quiet);

    [Fact]
    public void BooleanLongFlags()
    {
        var options = Ok("--unsafe", "--dry-run", "--verify-llvm-ir", "--usdt-file-activation", "x.bt");
        Assert.True(options.Unsafe);
        Assert.True(options.DryRun);
        Assert.True(options.VerifyLlvmIr);
        Assert.True(options.UsdtFileActivation);
    }

    [Theory]
    [InlineData("-o", "out.txt")]
    [InlineData("--output", "out.txt")]
    [InlineData("--output=out.txt")]
    [InlineData("-oout.txt")]
    [InlineData("--out", "out.txt")]
    public void OutputFile(params string[] flag) => Assert.Equal("out.txt", Ok([.. flag, "x.bt"]).OutputFile);

    [Theory]
    [InlineData(OutputFormat.Json, "-f", "json")]
    [InlineData(OutputFormat.Json, "-fjson")]
    [InlineData(OutputFormat.Json, "-qf", "json")]
    [InlineData(OutputFormat.Json, "--format=json")]
    [InlineData(OutputFormat.Json, "--format", "json")]
    [InlineData(OutputFormat.Text, "-f", "text")]
    [InlineData(OutputFormat.Text, "-f", "json", "-f", "text")]
    public void Format(OutputFormat expected, params string[] flag) => Assert.Equal(expected, Ok([.. flag, "x.bt"]).Format);

    [Fact]
    public void BadFormat() =>
        AssertError("BT3504", "Invalid output format \"xml\". Valid formats: 'text', 'json'", "-f", "xml", "x.bt");

    [Theory]
    [InlineData(OutputBuffering.Line, "line")]
    [InlineData(OutputBuffering.Full, "full")]
    [InlineData(OutputBuffering.None, "none")]
    public void Buffering(OutputBuffering expected, string value) => Assert.Equal(expected, Ok("-B", value, "x.bt").Buffering);

    [Fact]
    public void BadBuffering() =>
        AssertError("BT3504", "USAGE: -B must be either 'line', 'full', or 'none'.", "-B", "foo", "x.bt");

    [Theory]
    [InlineData("-p", "123")]
    [InlineData("--pid", "123")]
    [InlineData("--pid=123")]
    [InlineData("-p123")]
    public void Pid(params string[] flag) => Assert.Equal(123, Ok([.. flag, "x.bt"]).Pid);

    [Theory]
    [InlineData("abc", "Failed to parse pid: 'abc' is not a number")]
    [InlineData("-1", "Failed to parse pid: '-1' is not a number")]
    [InlineData("12a", "Failed to parse pid: '12a' is not a number")]
    [InlineData("4194305", "Pid out of range: 4194305")]
    [InlineData("99999999999", "Pid out of range: 99999999999")]
    public void BadPid(string value, string message) => AssertError("BT3504", message, "-p", value, "x.bt");

    [Theory]
    [InlineData("-c")]
    [InlineData("--cmd")]
    public void Command(string flag) => Assert.Equal("ls -l /tmp", Ok(flag, "ls -l /tmp", "x.bt").Command);

    [Fact]
    public void EmptyCommandCountsAsNone() => Assert.Null(Ok("-c", "", "x.bt").Command);

    [Theory]
    [InlineData("-c", "ls", "-p", "1")]
    [InlineData("--pid", "1", "--cmd", "ls")]
    public void CommandAndPidConflict(params string[] flags)
    {
        AssertError("BT3505", "USAGE: Cannot use both -c and -p.", [.. flags, "x.bt"]);
        Assert.True(Parse([.. flags, "x.bt"]).ShowUsage);
    }

    [Fact]
    public void IncludesKeepTheirOrder()
    {
        var options = Ok("-I", "a", "-Ib", "--include", "f1.h", "-I", "c", "--include=f2.h", "x.bt");
        AssertItems(["a", "b", "c"], options.IncludeDirectories);
        AssertItems(["f1.h", "f2.h"], options.IncludeFiles);
    }

    [Theory]
    [InlineData(WarningLevel.RuntimeHelperErrors, "-k")]
    [InlineData(WarningLevel.RuntimeHelperErrors, "--warnings")]
    [InlineData(WarningLevel.None, "--no-warnings")]
    [InlineData(WarningLevel.None, "--no-warnings", "--no-warnings")]
    public void Warnings(WarningLevel expected, params string[] flags) => Assert.Equal(expected, Ok([.. flags, "x.bt"]).Warnings);

    [Theory]
    [InlineData("-k", "--no-warnings")]
    [InlineData("--no-warnings", "-k")]
    public void WarningsConflict(params string[] flags) =>
        AssertError("BT3505", "USAGE: -k, --warnings conflicts with --no-warnings", [.. flags, "x.bt"]);

    [Theory]
    [InlineData("-kk")]
    [InlineData("-k", "--warnings")]
    public void DoubleKIsDeprecated(params string[] flags) =>
        AssertError("BT3504",
            "USAGE: -kk has been deprecated. Use a single -k for runtime warnings for errors in map lookups and probe reads.",
            [.. flags, "x.bt"]);

    [Theory]
    [InlineData(DebugStages.Ast, "-d", "ast", "x.bt")]
    [InlineData(DebugStages.Ast | DebugStages.Types, "-d", "ast,types", "x.bt")]
    [InlineData(DebugStages.Ast | DebugStages.Types, "-d", "ast,,types,", "x.bt")]
    [InlineData(DebugStages.Codegen | DebugStages.Verifier, "-d", "codegen", "--debug", "verifier", "x.bt")]
    [InlineData(DebugStages.CodegenOpt, "--debug=codegen-opt", "x.bt")]
    [InlineData(DebugStages.Libbpf, "-dlibbpf", "x.bt")]
    [InlineData(DebugStages.All, "-dall", "x.bt")]
    [InlineData(DebugStages.All, "-d", "all", "x.bt")]
    [InlineData(DebugStages.All, "x.bt", "-d")]
    [InlineData(DebugStages.All, "-d", "x.bt")]
    [InlineData(DebugStages.All, "--debug", "x.bt")]
    [InlineData(DebugStages.All, "-dd", "x.bt")]
    [InlineData(DebugStages.All, "-qd", "x.bt")]
    public void DebugStagesParse(DebugStages expected, params string[] args)
    {
        var options = Ok(args);
        Assert.Equal(expected, options.Debug);
        Assert.Equal("x.bt", options.Program!.Name);
    }

    [Fact]
    public void BareDebugDoesNotSwallowAParameter()
    {
        var options = Ok("-e", Script, "-d", "5");
        Assert.Equal(DebugStages.All, options.Debug);
        AssertItems(["5"], options.PositionalParameters);
    }

    [Theory]
    [InlineData("-dbogus")]
    [InlineData("--debug=bogus")]
    [InlineData("-dast,bogus")]
    public void BadDebugStage(string flag) => AssertError("BT3504", "USAGE: invalid option for -d: bogus", flag, "x.bt");

    [Fact]
    public void EmitFiles()
    {
        var options = Ok("--emit-elf", "a.o", "--emit-llvm=b", "x.bt");
        Assert.Equal("a.o", options.EmitElfPath);
        Assert.Equal("b", options.EmitLlvmPath);
    }

    [Fact]
    public void CombinedShortFlags()
    {
        var options = Ok("-qvfjson", "-Bnone", "x.bt");
        Assert.True(options.Quiet);
        Assert.True(options.Verbose);
        Assert.Equal(OutputFormat.Json, options.Format);
        Assert.Equal(OutputBuffering.None, options.Buffering);
    }

    [Fact]
    public void HarnessCommandLine()
    {
        var environment = NewEnvironment().WithVariable("__BPFTRACE_NOTIFY_PROBES_ATTACHED", "1");
        var options = Ok(environment, "-q", "-f", "json", "--verify-llvm-ir", "-e", Script);
        Assert.True(options.Quiet);
        Assert.Equal(OutputFormat.Json, options.Format);
        Assert.True(options.VerifyLlvmIr);
        Assert.True(options.NotifyProbesAttached);
    }

    [Fact]
    public void ToolsParsingHarnessCommandLine()
    {
        var options = Ok("--unsafe", "-v", "--dry-run", "x.bt");
        Assert.True(options.Unsafe && options.Verbose && options.DryRun);
    }

    [Theory]
    [InlineData("__BPFTRACE_NOTIFY_PROBES_ATTACHED", "")]
    [InlineData("__BPFTRACE_NOTIFY_PROBES_ATTACHED", "1")]
    [InlineData("__BTLANG_NOTIFY_PROBES_ATTACHED", "1")]
    public void NotifyProbesAttached(string name, string value) =>
        Assert.True(Ok(NewEnvironment().WithVariable(name, value), "x.bt").NotifyProbesAttached);

    [Fact]
    public void NotifyAotPortabilityDisabled()
    {
        Assert.False(Ok("x.bt").NotifyAotPortabilityDisabled);
        var environment = NewEnvironment().WithVariable("__BPFTRACE_NOTIFY_AOT_PORTABILITY_DISABLED", "1");
        Assert.True(Ok(environment, "x.bt").NotifyAotPortabilityDisabled);
    }

    // ---- getopt errors ----

    [Theory]
    [InlineData("unrecognized option '--bogus'", "--bogus", "x.bt")]
    [InlineData("unrecognized option '--bogus'", "x.bt", "--bogus")]
    [InlineData("unrecognized option '--bogus'", "--bogus=1", "x.bt")]
    [InlineData("invalid option -- 'x'", "-x", "x.bt")]
    [InlineData("invalid option -- 'z'", "-qz", "x.bt")]
    [InlineData("invalid option -- '5'", "-e", Script, "-5")]
    [InlineData("unrecognized option '--fmt'", "--fmt", "x.bt")]
    public void UnknownOptions(string message, params string[] args)
    {
        AssertError("BT3500", message, args);
        Assert.True(Parse(args).ShowUsage);
    }

    [Theory]
    [InlineData("option requires an argument -- 'e'", "-e")]
    [InlineData("option requires an argument -- 'o'", "x.bt", "-o")]
    [InlineData("option requires an argument -- 'f'", "x.bt", "-qf")]
    [InlineData("option '--output' requires an argument", "x.bt", "--output")]
    [InlineData("option '--cmd' requires an argument", "x.bt", "--cmd")]
    public void MissingArgument(string message, params string[] args) => AssertError("BT3501", message, args);

    [Fact]
    public void FlagWithValue() => AssertError("BT3502", "option '--quiet' doesn't allow an argument", "--quiet=1", "x.bt");

    [Fact]
    public void AmbiguousAbbreviation() =>
        AssertError("BT3503", "option '--ver' is ambiguous; possibilities: '--verbose' '--version' '--verify-llvm-ir'",
            "--ver", "x.bt");

    [Theory]
    [InlineData("--dry", "x.bt")]
    [InlineData("--usdt", "x.bt")]
    [InlineData("--verif", "x.bt")]
    public void UniqueAbbreviationsWork(params string[] args) => Assert.True(Parse(args).Succeeded);

    // ---- help, version, info ----

    [Theory]
    [InlineData("-h")]
    [InlineData("--help")]
    [InlineData("-e", Script, "-h", "--bogus")]
    [InlineData("-qh")]
    public void Help(params string[] args)
    {
        var result = Parse(args);
        Assert.Equal(CommandLineAction.ShowHelp, result.Action);
        Assert.Equal(HelpTopic.Main, result.Topic);
    }

    [Fact]
    public void ErrorBeforeHelpWins() => Assert.Equal(CommandLineAction.Fail, Parse("--bogus", "-h").Action);

    [Theory]
    [InlineData("-V")]
    [InlineData("--version")]
    public void Version(string flag) => Assert.Equal(CommandLineAction.ShowVersion, Parse(flag).Action);

    [Theory]
    [InlineData("--info")]
    [InlineData("-v", "--info", "--bogus")]
    public void Info(params string[] args)
    {
        var result = Parse(args);
        Assert.True(result.Succeeded);
        Assert.Equal(DriverMode.PrintInfo, result.Options!.Mode);
    }

    // ---- listing ----

    [Theory]
    [InlineData("*:*", "-l")]
    [InlineData("*:*", "--list")]
    [InlineData("*:*", "-l", "*")]
    [InlineData("tracepoint:syscalls:*", "-l", "tracepoint:syscalls:*")]
    [InlineData("*sleep*", "*sleep*", "-l")]
    [InlineData("nope.bt", "-l", "nope.bt")]
    public void ListPattern(string pattern, params string[] args)
    {
        var options = Ok(args);
        Assert.Equal(DriverMode.ListProbes, options.Mode);
        Assert.Equal(pattern, options.ListPattern);
        Assert.Null(options.Program);
    }

    [Fact]
    public void ListPatternThatLooksLikeAMissingFileWarns()
    {
        var result = Parse("-l", "nope.bt");
        Assert.True(result.Succeeded);
        Assert.Equal("nope.bt", result.Options!.ListPattern);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("BT3516", warning.Id);
        Assert.False(warning.IsError);
        Assert.Equal("It appears that 'nope.bt' is a filename but the file does not exist. Treating 'nope.bt' as a search pattern.",
            warning.Message);
        Assert.Empty(Parse("-l", "tracepoint:sched:*").Diagnostics);
        Assert.Empty(Parse("-l", "*sleep*").Diagnostics);
    }

    [Theory]
    [InlineData("-lv")]
    [InlineData("-l", "-v")]
    [InlineData("-vl")]
    public void ListVerbose(params string[] args)
    {
        var options = Ok([.. args, "tracepoint:syscalls:sys_enter_openat"]);
        Assert.Equal(DriverMode.ListProbes, options.Mode);
        Assert.True(options.Verbose);
        Assert.Equal("tracepoint:syscalls:sys_enter_openat", options.ListPattern);
    }

    [Fact]
    public void ListAnExistingScriptFile()
    {
        var options = Ok("-l", "x.bt");
        Assert.Equal(DriverMode.ListProbes, options.Mode);
        Assert.Null(options.ListPattern);
        Assert.Equal("x.bt", options.Program!.FilePath);
    }

    [Fact]
    public void ListAnInlineProgram()
    {
        var options = Ok("-l", "-e", Script);
        Assert.Equal(DriverMode.ListProbes, options.Mode);
        Assert.Null(options.ListPattern);
        Assert.Equal(Script, options.Program!.Text);
    }

    [Theory]
    [InlineData("b", "-l", "a", "b")]
    [InlineData("a", "-l", "-e", Script, "a")]
    public void ListTakesOneArgument(string extra, params string[] args) =>
        AssertError("BT3508", $"USAGE: unexpected argument '{extra}'", args);

    // ---- compile ----

    [Fact]
    public void CompileScript()
    {
        var options = Ok("compile", "x.bt", "-o", "out.o");
        Assert.Equal(DriverMode.Compile, options.Mode);
        Assert.Equal("x.bt", options.Program!.FilePath);
        Assert.Equal("out.o", options.ObjectOutputPath);
        Assert.Null(options.OutputFile);
    }

    [Theory]
    [InlineData("x.bt", "x.o")]
    [InlineData("dir/y.bt", "dir/y.o")]
    public void CompileDefaultsTheObjectName(string script, string expected) =>
        Assert.Equal(expected, Ok("compile", script).ObjectOutputPath);

    [Fact]
    public void CompileInlineProgramWithParameters()
    {
        var options = Ok("compile", "-e", Script, "-o", "a.o", "1", "two");
        Assert.Equal(DriverMode.Compile, options.Mode);
        Assert.Equal(Script, options.Program!.Text);
        Assert.Equal("a.o", options.ObjectOutputPath);
        AssertItems(["1", "two"], options.PositionalParameters);
    }

    [Fact]
    public void CompileInlineProgramNeedsAnOutput() =>
        AssertError("BT3501", "USAGE: -o FILE is required when the program does not come from a .bt file",
            "compile", "-e", Script);

    [Fact]
    public void CompileAcceptsCompilerOptions()
    {
        var options = Ok("compile", "-I", "inc", "--include", "a.h", "-d", "codegen", "--verify-llvm-ir",
            "--emit-llvm", "ir", "-k", "--unsafe", "-q", "-v", "x.bt");
        AssertItems(["inc"], options.IncludeDirectories);
        AssertItems(["a.h"], options.IncludeFiles);
        Assert.Equal(DebugStages.Codegen, options.Debug);
        Assert.True(options.VerifyLlvmIr && options.Unsafe && options.Quiet && options.Verbose);
        Assert.Equal("ir", options.EmitLlvmPath);
        Assert.Equal(WarningLevel.RuntimeHelperErrors, options.Warnings);
    }

    [Theory]
    [InlineData("option '-p' cannot be used with 'btlang compile'", "-p", "1")]
    [InlineData("option '-f' cannot be used with 'btlang compile'", "-f", "json")]
    [InlineData("option '-l' cannot be used with 'btlang compile'", "-l")]
    [InlineData("option '--dry-run' cannot be used with 'btlang compile'", "--dry-run")]
    [InlineData("option '--info' cannot be used with 'btlang compile'", "--info")]
    public void CompileRejectsRuntimeOptions(string message, params string[] flags) =>
        AssertError("BT3509", message, ["compile", .. flags, "x.bt"]);

    [Fact]
    public void CompileWithoutProgram() => AssertError("BT3506", "USAGE: filename or -e 'program' required.", "compile");

    [Fact]
    public void CompileHelp() => Assert.Equal(HelpTopic.Compile, Parse("compile", "--help").Topic);

    [Fact]
    public void SubcommandNamesAreOnlyRecognizedFirst()
    {
        var options = Ok("-e", Script, "compile", "run");
        Assert.Equal(DriverMode.RunProgram, options.Mode);
        AssertItems(["compile", "run"], options.PositionalParameters);
    }

    // ---- run ----

    [Fact]
    public void RunObject()
    {
        var options = Ok("run", "x.o", "-p", "42", "-fjson", "-q", "-o", "log.txt", "--dry-run", "-B", "full");
        Assert.Equal(DriverMode.RunObject, options.Mode);
        Assert.Equal("x.o", options.ObjectPath);
        Assert.Equal(42, options.Pid);
        Assert.Equal(OutputFormat.Json, options.Format);
        Assert.True(options.Quiet && options.DryRun);
        Assert.Equal("log.txt", options.OutputFile);
        Assert.Equal(OutputBuffering.Full, options.Buffering);
        Assert.Null(options.Program);
    }

    [Fact]
    public void RunWithCommand() => Assert.Equal("cat /etc/hostname", Ok("run", "-c", "cat /etc/hostname", "x.o").Command);

    [Fact]
    public void RunWithoutObject() => AssertError("BT3506", "USAGE: object file required.", "run");

    [Fact]
    public void RunMissingObject() =>
        AssertError("BT3507", "failed to open file 'gone.o': No such file or directory", "run", "gone.o");

    [Fact]
    public void RunTakesOneObject() => AssertError("BT3508", "USAGE: unexpected argument 'extra'", "run", "x.o", "extra");

    [Theory]
    [InlineData("option '-e' cannot be used with 'btlang run'", "-e", "x")]
    [InlineData("option '-I' cannot be used with 'btlang run'", "-I", "x")]
    [InlineData("option '--emit-elf' cannot be used with 'btlang run'", "--emit-elf", "x")]
    public void RunRejectsCompilerOptions(string message, params string[] flags) =>
        AssertError("BT3509", message, ["run", .. flags, "x.o"]);

    [Fact]
    public void RunHelp() => Assert.Equal(HelpTopic.Run, Parse("run", "-h").Topic);

    // ---- lsp ----

    [Fact]
    public void LanguageServerPassesArgumentsOn()
    {
        var options = Ok("lsp", "--stdio", "-x", "--bogus");
        Assert.Equal(DriverMode.RunLanguageServer, options.Mode);
        AssertItems(["--stdio", "-x", "--bogus"], options.LanguageServerArguments);
    }

    [Fact]
    public void LanguageServerWithoutArguments() => Assert.Empty(Ok("lsp").LanguageServerArguments);

    // ---- environment ----

    [Fact]
    public void EnvironmentReachesTheOptions()
    {
        var environment = NewEnvironment()
            .WithVariable("BPFTRACE_MAX_STRLEN", "64")
            .WithVariable("BTLANG_MAX_MAP_KEYS", "10");
        var config = Ok(environment, "x.bt").Config;
        Assert.Equal(64UL, config.MaxStrlen);
        Assert.Equal(10UL, config.MaxMapKeys);
        AssertItems(["max_map_keys", "max_strlen"], config.SetByEnvironment.Order());
    }

    [Fact]
    public void BadEnvironmentValueFailsWithoutUsage()
    {
        var environment = NewEnvironment().WithVariable("BPFTRACE_MAX_STRLEN", "abc");
        var result = Parse(environment, "x.bt");
        Assert.Equal(CommandLineAction.Fail, result.Action);
        Assert.False(result.ShowUsage);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("BT3510", error.Id);
        Assert.Equal("BPFTRACE_MAX_STRLEN: expecting a number, got abc", error.Message);
    }

    [Fact]
    public void BadColorIsAWarning()
    {
        var environment = NewEnvironment().WithVariable("BPFTRACE_COLOR", "sometimes");
        var result = Parse(environment, "x.bt");
        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("BT3511", warning.Id);
        Assert.False(warning.IsError);
        Assert.Equal(
            "Invalid env value! The valid values of `BPFTRACE_COLOR` are [auto|always|never]. The current value is sometimes!",
            warning.Message);
        Assert.Equal(ColorMode.Auto, result.Options!.Config.Color);
    }

    [Fact]
    public void ParsedOptionsAreImmutableValues()
    {
        var options = Ok("-q", "x.bt");
        var changed = options with { Quiet = false };
        Assert.True(options.Quiet);
        Assert.False(changed.Quiet);
        Assert.IsType<ImmutableArray<string>>(options.PositionalParameters);
    }
}
