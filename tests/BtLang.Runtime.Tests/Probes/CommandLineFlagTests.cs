using System.Diagnostics;

namespace BtLang.Runtime.Tests.Probes;

/// <summary>
/// What the command-line flags do when btlang runs, not only how they parse: stdin programs and positional parameters,
/// -o, -q, --dry-run, -v, -d, --emit-elf, --emit-llvm, --verify-llvm-ir, the harness marker and the environment settings.
/// Each run is started with an environment the test controls (like bpftrace's runtime-test engine does).
/// </summary>
public sealed class CommandLineFlagTests : IDisposable
{
    private const string Marker = "__BPFTRACE_NOTIFY_PROBES_ATTACHED";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "btlang-flags-" + Guid.NewGuid().ToString("N"));

    public CommandLineFlagTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Runs btlang with only PATH and <paramref name="environment"/> set, bounded, stdout and stderr apart.</summary>
    private static (int Code, string Stdout, string Stderr) Run(IDictionary<string, string>? environment, string? stdin, params string[] arguments)
    {
        var info = new ProcessStartInfo(BtlangProcess.Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.Environment.Clear();
        info.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin ?? "");
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            Assert.Fail("btlang did not exit within 60 s");
        }

        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>
    /// Runs and checks that nothing stayed loaded (programs of the types the script loads: see <see cref="Leaks.ProgramTypesOf"/>).
    /// </summary>
    private static (int Code, string Stdout, string Stderr) RunChecked(IDictionary<string, string>? environment, string? stdin, params string[] arguments)
    {
        var before = KernelFacts.LoadedPrograms();
        var result = Run(environment, stdin, arguments);
        Leaks.AssertNoneSince(before, Leaks.ProgramTypesOf(string.Join('\n', arguments) + stdin));
        return result;
    }

    [KernelFact]
    public void DashReadsTheProgramFromStdinAndPositionalParametersFollow()
    {
        var (code, stdout, stderr) = RunChecked(null, "BEGIN { printf(\"%s|%d|%d\\n\", str($1), $2 + 1, $#); exit(); }", "-", "first", "41");
        Assert.True(code == 0, stderr);
        Assert.Equal("first|42|2\n", stdout.Split("\n\n")[0] + "\n");
        Assert.Contains("Attached 1 probe", stderr);
    }

    [KernelFact]
    public void StrOfAPositionalParameterHonoursMaxStrlenAndItsLength()
    {
        // bpftrace 0.17 with BPFTRACE_STRLEN=6 prints [abcde] [abc] for the same script and argument.
        var env = new Dictionary<string, string> { ["BPFTRACE_STRLEN"] = "6" };
        var (code, stdout, stderr) = RunChecked(env, null, "-e", "BEGIN { printf(\"[%s] [%s]\\n\", str($1), str($1, 3)); exit(); }", "abcdefgh");
        Assert.True(code == 0, stderr);
        Assert.Equal("[abcde] [abc]\n", stdout.Split("\n\n")[0] + "\n");
    }

    [KernelFact]
    public void ScriptFileWithParametersAfterDoubleDash()
    {
        string script = Path.Combine(_dir, "p.bt");
        File.WriteAllText(script, "BEGIN { printf(\"%d %s\\n\", $#, str($2)); exit(); }\n");
        var (code, stdout, stderr) = RunChecked(null, null, script, "--", "-x", "second");
        Assert.True(code == 0, stderr);
        Assert.StartsWith("2 second\n", stdout);
    }

    [KernelFact]
    public void OutputFileReceivesWhatStdoutWouldHave()
    {
        string file = Path.Combine(_dir, "out.txt");
        var (code, stdout, stderr) = RunChecked(null, null, "-o", file, "-e", "BEGIN { printf(\"hi\\n\"); @x = 1; exit(); }");
        Assert.True(code == 0, stderr);
        Assert.Empty(stdout);
        Assert.Equal("hi\n\n\n@x: 1\n", File.ReadAllText(file));
    }

    [KernelFact]
    public void QuietDropsTheBannerButNotTheOutput()
    {
        var (code, stdout, stderr) = RunChecked(null, null, "-q", "-e", "BEGIN { printf(\"hi\\n\"); exit(); }");
        Assert.True(code == 0, stderr);
        Assert.Equal("hi\n", stdout.TrimEnd('\n') + "\n");
        Assert.DoesNotContain("Attached", stderr);

        var loud = RunChecked(null, null, "-e", "BEGIN { exit(); }");
        Assert.Equal("Attached 1 probe\n", loud.Stderr);
    }

    [KernelFact]
    public void NotifyMarkerIsItsOwnLineOnceAttachedAndOnlyWhenAsked()
    {
        var env = new Dictionary<string, string> { [Marker] = "1" };
        var (code, stdout, stderr) = RunChecked(env, null, "-e", "BEGIN { printf(\"after\\n\"); } interval:ms:100 { exit(); }");
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n');
        Assert.Equal(1, lines.Count(l => l == Marker));
        Assert.Equal(Marker, lines[0]); // BEGIN's output comes after the marker: probes are attached before BEGIN output is read
        Assert.Contains("after", lines);

        var plain = RunChecked(null, null, "-e", "BEGIN { exit(); }");
        Assert.DoesNotContain(Marker, plain.Stdout + plain.Stderr);
    }

    [KernelFact]
    public void DryRunLoadsAndAttachesNothing()
    {
        // -v shows the verifier's instruction counts, which exist only after the kernel loaded the programs.
        var env = new Dictionary<string, string> { [Marker] = "1" };
        var (code, stdout, stderr) = RunChecked(env, null, "--dry-run", "-v", "-e", "tracepoint:syscalls:sys_enter_getpid { @n = count(); } BEGIN { printf(\"begin\\n\"); }");
        Assert.True(code == 0, stderr);
        Assert.Empty(stdout); // no marker, no BEGIN output, no maps
        Assert.Matches(@"(?m)^Program bt_p\w* \(tracepoint/syscalls/sys_enter_getpid\): [1-9]\d* instructions$", stderr);
        Assert.DoesNotContain("Attached", stderr);
    }

    [KernelFact]
    public void VerboseNamesEveryProgramWithItsInstructionCount()
    {
        var (code, _, stderr) = RunChecked(null, null, "-v", "-e", "BEGIN { @a = 1; } END { @b = 2; } interval:ms:50 { exit(); }");
        Assert.True(code == 0, stderr);
        var programs = stderr.Split('\n').Where(l => l.StartsWith("Program ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, programs.Count);
        Assert.All(programs, p => Assert.Matches(@"^Program bt_p\w+ \([\w/:.-]+\): [1-9]\d* instructions$", p));
    }

    [KernelFact]
    public void DebugStagesPrintTheirSections()
    {
        var (code, stdout, stderr) = RunChecked(null, null, "-d", "ast,types,codegen", "--dry-run", "-e", "BEGIN { @x = 1; }");
        Assert.True(code == 0, stderr);
        string all = stdout + stderr;
        Assert.Contains("AST\n-------------------\nCompilationUnit\n", all); // the syntax tree
        Assert.Contains("Maps\n-------------------\n@x: int64\n", all); // the bound program's types
        Assert.Matches(@"(?m)^define .*@bt_p0_begin\(", all); // the LLVM IR of the BEGIN program
    }

    [KernelFact]
    public void EmitElfWritesTheObjectAndStops()
    {
        string elf = Path.Combine(_dir, "x.o");
        var (code, stdout, stderr) = RunChecked(null, null, "--emit-elf", elf, "-e", "tracepoint:syscalls:sys_enter_getpid { @n = count(); }");
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("Attached", stderr);
        Assert.Empty(stdout);
        var (objdump, headers) = KernelFacts.Run("llvm-objdump-19", "-h", elf);
        Assert.True(objdump == 0, headers);
        Assert.Contains("tracepoint/syscalls/sys_enter_getpid", headers);
    }

    [KernelFact]
    public void EmitLlvmWritesTheIrAndStillRuns()
    {
        string ir = Path.Combine(_dir, "x.ll");
        var (code, stdout, stderr) = RunChecked(null, null, "--emit-llvm", ir, "--verify-llvm-ir", "-e", "BEGIN { @x = 7; exit(); }");
        Assert.True(code == 0, stderr);
        Assert.Contains("@x: 7", stdout);
        string text = File.ReadAllText(ir);
        Assert.Contains("define ", text);
        Assert.Contains("bt_p0_begin", text);
    }

    [KernelTheory]
    [InlineData("BTLANG_MAX_STRLEN")]
    [InlineData("BPFTRACE_MAX_STRLEN")]
    [InlineData("BPFTRACE_STRLEN")]
    public void StringLengthFromTheEnvironment(string variable)
    {
        var env = new Dictionary<string, string> { [variable] = "6" };
        var (code, stdout, stderr) = RunChecked(env, null, "-e", "tracepoint:syscalls:sys_enter_execve /pid == cpid/ { printf(\"<%s>\\n\", str(args.filename)); }", "-c", "/bin/true");
        Assert.True(code == 0, stderr);
        string line = Assert.Single(stdout.Split('\n'), l => l.StartsWith('<'));
        Assert.StartsWith("</bin/", line); // 5 characters and the NUL
        Assert.NotEqual("</bin/true>", line);
    }

    [KernelFact]
    public void StringLengthFromTheConfigBlockAndTheEnvironmentWins()
    {
        const string Script = "config = { max_strlen = 4 }\ntracepoint:syscalls:sys_enter_execve /pid == cpid/ { printf(\"<%s>\\n\", str(args.filename)); }";
        var config = RunChecked(null, null, "-e", Script, "-c", "/bin/true");
        Assert.True(config.Code == 0, config.Stderr);
        Assert.DoesNotContain("</bin", config.Stdout);
        Assert.Contains("</bi", config.Stdout);

        var env = RunChecked(new Dictionary<string, string> { ["BTLANG_MAX_STRLEN"] = "64" }, null, "-e", Script, "-c", "/bin/true");
        Assert.True(env.Code == 0, env.Stderr);
        Assert.Contains("</bin/true>", env.Stdout);
    }

    [KernelTheory]
    [InlineData("BPFTRACE_MAX_STRLEN", "abc", "BPFTRACE_MAX_STRLEN: expecting a number, got abc")]
    [InlineData("BTLANG_MISSING_PROBES", "x", "BTLANG_MISSING_PROBES: Invalid value for missing_probes: valid values are ignore, warn, and error.")]
    public void BadEnvironmentValueIsOneLineAndExit1(string variable, string value, string message)
    {
        var (code, stdout, stderr) = Run(new Dictionary<string, string> { [variable] = value }, null, "-e", "BEGIN { exit(); }");
        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.StartsWith("ERROR: " + message + "\n", stderr);
    }
}
