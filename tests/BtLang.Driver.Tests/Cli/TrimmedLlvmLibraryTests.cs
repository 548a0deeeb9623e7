using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using BtLang.TestUtilities;

namespace BtLang.Driver.Tests.Cli;

/// <summary>
/// scripts/build-llvm-bpf.sh links libbtlang-llvm.so (LLVM trimmed to the BPF target and the C API) and btlang loads
/// it when it lies next to the executable. These tests link it, put it next to a copy of the built btlang, and check
/// that that copy loads it instead of libLLVM.so.19.1 and emits the same code as the btlang beside the tests (which
/// loads libLLVM.so.19.1).
/// </summary>
public sealed class TrimmedLlvmLibraryTests : IClassFixture<TrimmedLlvmLibraryTests.TrimmedCopy>
{
    private static readonly string[] Scripts = ["hello", "read_latency", "syscount_like", "maps_all", "strings_escapes", "for_map"];

    private readonly TrimmedCopy _copy;

    public TrimmedLlvmLibraryTests(TrimmedCopy copy) => _copy = copy;

    [Fact]
    public void TheCopyLoadsTheTrimmedLibraryAndNotLibLlvm()
    {
        string output = Path.Combine(_copy.Directory, "hello.o");
        var (code, _, stderr) = Run(_copy.Executable, new Dictionary<string, string> { ["LD_DEBUG"] = "files" },
            "compile", RepoPaths.Combine("tests", "corpus", "valid", "hello.bt"), "-o", output);
        Assert.True(code == 0, stderr);
        Assert.Contains($"file={Path.Combine(_copy.Directory, "libbtlang-llvm.so")}", stderr);
        Assert.DoesNotContain("libLLVM.so.19.1", stderr);
        Assert.DoesNotContain("libz3", stderr);
    }

    [Fact]
    public void EveryLlvmFunctionTheCodeGeneratorImportsIsExported()
    {
        // A function missing here would end an AOT compile with EntryPointNotFoundException.
        string interop = File.ReadAllText(RepoPaths.Combine("src", "Emit", "Llvm", "Interop", "LlvmNative.cs"));
        var imported = Regex.Matches(interop, @"\[LibraryImport\(Library[^\]]*\][^;]*?\b(LLVM\w+)\(")
            .Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(imported.Count > 100, $"found only {imported.Count} imports in LlvmNative.cs");
        var (code, stdout, stderr) = Run("nm", null, "-D", "--defined-only", Path.Combine(_copy.Directory, "libbtlang-llvm.so"));
        Assert.True(code == 0, stderr);
        var exported = stdout.Split('\n').Select(l => l.Split(' ')[^1]).ToHashSet();
        Assert.Empty(imported.Where(name => !exported.Contains(name)));
    }

    [Fact]
    public void TheTrimmedLibraryEmitsTheSameCodeAsLibLlvm()
    {
        foreach (string script in Scripts)
        {
            string source = RepoPaths.Combine("tests", "corpus", "valid", script + ".bt");
            byte[] trimmed = Compile(_copy.Executable, source, Path.Combine(_copy.Directory, script + ".trimmed.o"));
            byte[] full = Compile(Path.Combine(AppContext.BaseDirectory, "btlang"), source, Path.Combine(_copy.Directory, script + ".full.o"));
            Assert.True(trimmed.AsSpan().SequenceEqual(full), $"{script}.bt: the objects differ");
        }
    }

    [Fact]
    public void LlvmDebugOutputComesThroughTheTrimmedLibrary()
    {
        // -d codegen prints the IR (LLVMPrintModuleToString), --verify-llvm-ir runs LLVM's verifier: both through the
        // trimmed library's C API.
        var (code, _, stderr) = Run(_copy.Executable, null, "compile", "-d", "codegen", "-e", "BEGIN { @x = 1; }", "-o",
            Path.Combine(_copy.Directory, "d.o"));
        Assert.True(code == 0, stderr);
        Assert.Contains("define", stderr);
        Assert.Contains("target triple = \"bpf-pc-linux\"", stderr);
    }

    /// <summary>Compiles and returns the object without what differs between any two runs: the metadata section
    /// (its settings are a dictionary) and the private temporary directory named in the debug info.</summary>
    private byte[] Compile(string btlang, string source, string output)
    {
        var (code, _, stderr) = Run(btlang, null, "compile", source, "-o", output);
        Assert.True(code == 0, $"{btlang} compile {source}: {stderr}");
        string stripped = output + ".stripped";
        var (objcopy, _, objcopyErrors) = Run("llvm-objcopy-19", null, "--remove-section=.btlang.meta", output, stripped);
        Assert.True(objcopy == 0, objcopyErrors);
        string text = Encoding.Latin1.GetString(File.ReadAllBytes(stripped));
        return Encoding.Latin1.GetBytes(Regex.Replace(text, "btlang-src-[A-Za-z0-9]{6}", "btlang-src-XXXXXX"));
    }

    private static (int Code, string Stdout, string Stderr) Run(string executable, IDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill();
            Assert.Fail($"{executable} did not exit within 120 s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The trimmed library, linked once per test run, next to a copy of the built btlang in a temporary folder.</summary>
    public sealed class TrimmedCopy : IDisposable
    {
        public TrimmedCopy()
        {
            Directory = Path.Combine(Path.GetTempPath(), "btlang-trimmed-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(Directory);
            var (code, stdout, stderr) = Run(RepoPaths.Combine("scripts", "build-llvm-bpf.sh"), null, Directory);
            Assert.True(code == 0, stdout + stderr);
            Assert.True(File.Exists(Path.Combine(Directory, "libbtlang-llvm.so")),
                "scripts/build-llvm-bpf.sh built nothing (it needs llvm-19-dev and g++, which scripts/setup.sh installs): " + stderr);

            // The JIT build: the apphost finds btlang.dll and its dependencies in its own folder.
            foreach (string file in System.IO.Directory.EnumerateFiles(AppContext.BaseDirectory))
            {
                string name = Path.GetFileName(file);
                if (name.StartsWith("btlang", StringComparison.Ordinal) || (name.EndsWith(".dll", StringComparison.Ordinal) && !name.Contains("Tests", StringComparison.Ordinal)))
                {
                    File.Copy(file, Path.Combine(Directory, name));
                }
            }

            File.SetUnixFileMode(Executable, File.GetUnixFileMode(Path.Combine(AppContext.BaseDirectory, "btlang")));
        }

        public string Directory { get; }

        public string Executable => Path.Combine(Directory, "btlang");

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
    }
}
