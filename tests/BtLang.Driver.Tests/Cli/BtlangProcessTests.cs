using System.Diagnostics;
using BtLang.Driver.Cli;
using BtLang.Driver.Tests.Fixtures;

namespace BtLang.Driver.Tests.Cli;

/// <summary>Runs the built <c>btlang</c> executable (copied next to the tests) for the paths that need no kernel.</summary>
public sealed class BtlangProcessTests
{
    private static (int ExitCode, string Stdout, string Stderr) RunBtlang(params string[] args) => RunBtlangIn(null, args);

    private static (int ExitCode, string Stdout, string Stderr) RunBtlangIn(string? workingDirectory, params string[] args)
    {
        var executable = Path.Combine(AppContext.BaseDirectory, "btlang");
        Assert.True(File.Exists(executable), $"{executable} was not built");
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory ?? string.Empty,
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

    [RootFact]
    public void ImportedScriptRunsWithTheMainOne()
    {
        // main.bt imports lib/hello.bt: its BEGIN probe runs first (it is part of the program), then main's exits.
        var dir = Directory.CreateTempSubdirectory("btlang-import-run-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "lib"));
            File.WriteAllText(Path.Combine(dir, "lib", "hello.bt"), "macro greeting() { \"from import\" }\nBEGIN { printf(\"hello %s\\n\", greeting()); }\n");
            File.WriteAllText(Path.Combine(dir, "main.bt"), "import \"lib/hello.bt\";\nBEGIN { printf(\"main\\n\"); exit(); }\n");
            var (code, stdout, stderr) = RunBtlangIn(dir, "main.bt");
            Assert.True(code == 0, stderr);
            Assert.Contains("Attached 2 probes", stderr);
            Assert.StartsWith("main\nhello from import\n", stdout);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [RootFact]
    public void ImportedBpfCFunctionIsCalledFromTheScriptAndFromItsCompiledObject()
    {
        // import "lib.bpf.c": clang compiles it, the script calls its global function, libbpf's static linker joins
        // the two objects; `btlang compile` writes the linked object, which `btlang run` runs on its own.
        var dir = Directory.CreateTempSubdirectory("btlang-import-bpfc-").FullName;
        try
        {
            // vmlinux.h (written from the kernel's BTF), libbpf's helpers, global data and a BPF helper call work.
            File.WriteAllText(Path.Combine(dir, "lib.bpf.c"),
                "#include \"vmlinux.h\"\n#include <bpf/bpf_helpers.h>\n__u64 calls;\n" +
                "__attribute__((noinline)) __u64 add_mul(__u64 a, __u64 b) { calls++; return a * b + a; }\n" +
                "__attribute__((noinline)) int negate(int x) { return -x; }\n" +
                "__attribute__((noinline)) __u32 my_tgid(void) { return bpf_get_current_pid_tgid() >> 32; }\n");
            File.WriteAllText(Path.Combine(dir, "main.bt"),
                "import \"lib.bpf.c\";\nBEGIN { printf(\"%d %d %d\\n\", add_mul(3, 4), negate(7), my_tgid() == pid); exit(); }\n");
            var (code, stdout, stderr) = RunBtlangIn(dir, "main.bt");
            Assert.True(code == 0, stderr);
            Assert.StartsWith("15 -7 1\n", stdout);

            (code, _, stderr) = RunBtlangIn(dir, "compile", "main.bt", "-o", "main.o");
            Assert.True(code == 0, stderr);
            File.Delete(Path.Combine(dir, "lib.bpf.c"));
            (code, stdout, stderr) = RunBtlangIn(dir, "run", "main.o");
            Assert.True(code == 0, stderr);
            Assert.StartsWith("15 -7 1\n", stdout);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ErrorInAnImportedScriptNamesThatFile()
    {
        var dir = Directory.CreateTempSubdirectory("btlang-import-error-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "lib"));
            File.WriteAllText(Path.Combine(dir, "lib", "helpers.bt"), "BEGIN\n{\n  $x = $nope;\n}\n");
            File.WriteAllText(Path.Combine(dir, "main.bt"), "import \"lib/helpers.bt\";\nBEGIN { exit(); }\n");
            var (code, stdout, stderr) = RunBtlangIn(dir, "main.bt");
            Assert.Equal(1, code);
            Assert.Empty(stdout);
            Assert.StartsWith("lib/helpers.bt:3:8-13: ERROR: ", stderr);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
