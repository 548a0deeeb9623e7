using BtLang.Diagnostics;
using BtLang.Semantics.ProbeCatalog.Providers;
using BtLang.Syntax;

namespace BtLang.Semantics.Tests.Binding;

/// <summary><c>import "x.bt"</c>: imported scripts join the program; each file is its own tree with its own locations.</summary>
public sealed class ImportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("btlang-imports-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void MacroAndMapOfAnImportedScriptAreUsable()
    {
        Write("lib/helpers.bt", "let @seen = lruhash(8);\nmacro twice($x) { $x * 2 }\n");
        var compilation = Compile("main.bt", "import \"lib/helpers.bt\";\nBEGIN { @seen[1] = twice(21); print(@seen); }\n");

        Assert.Empty(Errors(compilation));
        var map = Assert.Single(compilation.Maps, m => m.Name == "@seen");
        Assert.Equal("lruhash", map.DeclaredKind);
        Assert.Equal(2, compilation.SyntaxTrees.Length);
        Assert.EndsWith(Path.Combine("lib", "helpers.bt"), compilation.SyntaxTrees[1].FilePath);
    }

    [Fact]
    public void ProbeOfAnImportedScriptIsPartOfTheProgram()
    {
        Write("probes.bt", "END { printf(\"bye\\n\"); }\n");
        var compilation = Compile("main.bt", "import \"probes.bt\";\nBEGIN { printf(\"hi\\n\"); }\n");

        Assert.Empty(Errors(compilation));
        var providers = compilation.BoundProgram.Probes.Select(p => p.Provider).ToArray();
        Assert.Equal(new[] { ProbeProviderKind.Begin, ProbeProviderKind.End }, providers);
        Assert.Same(compilation.SyntaxTrees[1], compilation.BoundProgram.Probes[1].Syntax.SyntaxTree);
    }

    [Fact]
    public void MissingFileIsALocatedError()
    {
        var compilation = Compile("main.bt", "BEGIN { }\nimport \"nope.bt\";\n");

        var error = Assert.Single(Errors(compilation));
        Assert.Equal("BT1053", error.Id);
        Assert.Equal(Path.Combine(_dir, "main.bt"), error.Location.Path);
        Assert.Equal(1, error.Location.GetLineSpan().Start.Line);
        Assert.Contains("nope.bt", error.Message);
    }

    [Fact]
    public void EachImportedFileBelongsToTheMainScriptImportThatBroughtItIn()
    {
        Write("lib/a.bt", "import \"b.bt\";\n");
        Write("lib/b.bt", "BEGIN { }\n");
        Write("defs/x.h", "struct x { int a; };\n");
        var compilation = Compile("main.bt", "import \"lib/a.bt\";\nimport \"defs\";\nimport \"lib/b.bt\";\nBEGIN { }\n");

        Assert.Empty(Errors(compilation));
        var imports = compilation.SyntaxTree.GetRoot().Members.OfType<ImportSyntax>().ToArray();
        Assert.Same(imports[0], compilation.GetImportOf(Path.Combine(_dir, "lib", "a.bt")));
        Assert.Same(imports[0], compilation.GetImportOf(Path.Combine(_dir, "lib", "b.bt"))); // through a.bt, first
        Assert.Same(imports[1], compilation.GetImportOf(Path.Combine(_dir, "defs", "x.h"))); // through the directory
        Assert.Null(compilation.GetImportOf(Path.Combine(_dir, "main.bt")));
        Assert.Null(compilation.GetImportOf(""));
    }

    [Fact]
    public void CyclesAndDuplicatesImportEachFileOnce()
    {
        Write("a.bt", "import \"b.bt\";\nmacro one() { 1 }\nBEGIN { printf(\"a\\n\"); }\n");
        Write("b.bt", "import \"a.bt\";\nimport \"main.bt\";\nimport \"./a.bt\";\n");
        var compilation = Compile("main.bt", "import \"a.bt\";\nimport \"b.bt\";\nBEGIN { @x = one(); }\n");

        Assert.Empty(Errors(compilation));
        Assert.Equal(3, compilation.SyntaxTrees.Length); // main, a, b: no macro defined twice, no probe twice
        Assert.Equal(2, compilation.BoundProgram.Probes.Length);
    }

    [Fact]
    public void NestedImportsAreRelativeToTheImportingFile()
    {
        Write("lib/outer.bt", "import \"inner.bt\";\n");
        Write("lib/inner.bt", "macro three() { 3 }\n");
        var compilation = Compile("main.bt", "import \"lib/outer.bt\";\nBEGIN { @x = three(); }\n");

        Assert.Empty(Errors(compilation));
    }

    [Fact]
    public void ErrorsInsideAnImportedFileAreLocatedThere()
    {
        Write("lib/bad.bt", "BEGIN {\n  @a = 1;\n  @b = ;\n}\n");
        Write("lib/unbound.bt", "END {\n  $y = $nope + 1;\n}\n");
        var compilation = Compile("main.bt", "import \"lib/bad.bt\";\nimport \"lib/unbound.bt\";\nBEGIN { }\n");

        var errors = Errors(compilation);
        Assert.NotEmpty(errors);
        var syntax = errors.First(e => e.Location.Path.EndsWith("bad.bt", StringComparison.Ordinal));
        Assert.Equal(2, syntax.Location.GetLineSpan().Start.Line);
        var semantic = Assert.Single(errors, e => e.Location.Path.EndsWith("unbound.bt", StringComparison.Ordinal));
        Assert.Equal(1, semantic.Location.GetLineSpan().Start.Line);
        Assert.StartsWith(Path.Combine(_dir, "lib", "unbound.bt") + ":2:", DiagnosticFormatter.Format(semantic));
    }

    [Fact]
    public void DirectoryImportsItsScriptsAndHeaders()
    {
        Write("dir/one.bt", "macro one() { 1 }\n");
        Write("dir/notes.txt", "ignored\n");
        Write("dir/sub/two.bt", "this is not read\n");
        var compilation = Compile("main.bt", "import \"dir\";\nBEGIN { @x = one(); }\n");

        Assert.Empty(Errors(compilation));
        Assert.Equal(2, compilation.SyntaxTrees.Length);
    }

    [Fact]
    public void CDefinitionsOfAnImportedScriptAreRead()
    {
        // As bpftrace appends an imported script's C definitions to the main script's: its struct, enum and #define
        // are usable in the main script and in the imported one, and its struct may use the main script's types.
        Write("lib/types.bt", "#define LIMIT 40\nstruct pair { struct base b; int second; };\nenum colour { RED = 3, GREEN };\n" +
            "kprobe:vfs_read { $p = (struct pair *)arg0; @second = $p->second + LIMIT; }\n");
        var compilation = Compile("main.bt", "import \"lib/types.bt\";\nstruct base { long first; };\n" +
            "kprobe:vfs_write { $p = (struct pair *)arg0; @sum = $p->b.first + $p->second + LIMIT + GREEN; }\n");

        Assert.Empty(Errors(compilation));
        Assert.DoesNotContain(compilation.GetDiagnostics(), d => d.Id == "BT1052");
    }

    [Fact]
    public void ErrorInTheCDefinitionsOfAnImportedScriptIsLocatedThere()
    {
        Write("lib/bad.bt", "BEGIN { }\nstruct broken { int a; int b c; };\n");
        var compilation = Compile("main.bt", "import \"lib/bad.bt\";\nstruct fine { int a; };\nBEGIN { }\n");

        var error = Assert.Single(Errors(compilation));
        Assert.Equal("BT1601", error.Id);
        Assert.Equal(Path.Combine(_dir, "lib", "bad.bt"), error.Location.Path);
        Assert.Equal(1, error.Location.GetLineSpan().Start.Line);
    }

    [Fact]
    public void BpfObjectAndConfigInImportAreErrors()
    {
        Write("prog.bpf.o", "not an object");
        Write("conf.bt", "config = { max_strlen = 16 }\n");
        var compilation = Compile("main.bt", "import \"prog.bpf.o\";\nimport \"conf.bt\";\nBEGIN { }\n");

        var ids = Errors(compilation).Select(e => e.Id).ToArray();
        Assert.Equal(new[] { "BT1052", "BT1054" }, ids);
    }

    private const string CLibrary =
        "typedef unsigned long long __u64;\n" +
        "__attribute__((noinline)) __u64 add_mul(__u64 a, __u64 b) { return a * b + a; }\n" +
        "__attribute__((noinline)) int negate(int x) { return -x; }\n" +
        "static __attribute__((noinline)) int hidden(int x) { return x; }\n" +
        "__attribute__((noinline)) void nothing(void) { }\n";

    [Fact]
    public void GlobalFunctionsOfAnImportedBpfCSourceAreCallableWithTheirTypes()
    {
        Write("lib.bpf.c", CLibrary);
        var compilation = Compile("main.bt",
            "import \"lib.bpf.c\";\nBEGIN { @a = add_mul(3, 4); @b = negate(-5); nothing(); }\n");

        Assert.Empty(Errors(compilation));
        var calls = compilation.Binding.BoundNodes.Values.OfType<BtLang.Semantics.Binding.BoundCall>().Where(c => c.Function == "extern").ToList();
        Assert.Equal(new[] { "add_mul", "negate", "nothing" }, calls.Select(c => c.Text).Order().ToArray());
        Assert.Equal(new[] { "uint64", "int32", "void" }, calls.OrderBy(c => c.Text).Select(c => c.Type.ToString()).ToArray());
        var objectFile = Assert.Single(compilation.ImportedObjects);
        Assert.Equal(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F' }, objectFile.Take(4).ToArray());
    }

    [Fact]
    public void WrongArgumentsToAnImportedCFunctionAreLocatedErrors()
    {
        Write("lib.bpf.c", CLibrary);
        var compilation = Compile("main.bt",
            "import \"lib.bpf.c\";\nBEGIN { @a = add_mul(3); @b = negate(\"x\"); @c = hidden(1); }\n");

        var errors = Errors(compilation);
        Assert.Equal(new[] { "BT1056", "BT1057", "BT1001" }, errors.Select(e => e.Id).ToArray());
        Assert.Equal("add_mul() of lib.bpf.c takes 2 argument(s), got 1", errors[0].Message);
        Assert.Equal((1, 13), (errors[0].Location.GetLineSpan().Start.Line, errors[0].Location.GetLineSpan().Start.Character));
        Assert.Equal("argument 1 of negate() must be an integer (int), got string[2]", errors[1].Message);
        Assert.Equal(1, errors[1].Location.GetLineSpan().Start.Line);
    }

    [Theory]
    [InlineData("int f( { }\n", "clang failed")]
    [InlineData("struct s { int a; };\n__attribute__((noinline)) int first(struct s *p) { return p ? 1 : 0; }\n", "only integer parameters and results are supported: parameter 'p' of first()")]
    [InlineData("#include <linux/bpf.h>\n#include <bpf/bpf_helpers.h>\nstruct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 1); __type(key, int); __type(value, int); } m SEC(\".maps\");\n", "defines BPF maps")]
    [InlineData("#include <linux/bpf.h>\n#include <bpf/bpf_helpers.h>\nSEC(\"tracepoint/syscalls/sys_enter_getpid\") int prog(void *ctx) { return 0; }\n", "defines BPF programs (SEC(\"tracepoint/syscalls/sys_enter_getpid\"))")]
    public void BpfCSourceThatCannotBeUsedIsAnErrorAtTheImport(string source, string reason)
    {
        Write("bad.bpf.c", source);
        var compilation = Compile("main.bt", "BEGIN { }\nimport \"bad.bpf.c\";\n");

        var error = Assert.Single(Errors(compilation));
        Assert.Equal("BT1055", error.Id);
        Assert.Equal(1, error.Location.GetLineSpan().Start.Line);
        Assert.Contains(reason, error.Message);
    }

    private void Write(string relative, string text)
    {
        string path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private Compilation Compile(string name, string text)
    {
        Write(name, text);
        string path = Path.Combine(_dir, name);
        return Compilation.Create(SyntaxTree.ParseText(text, path));
    }

    private static List<Diagnostic> Errors(Compilation compilation) => compilation.GetDiagnostics().Where(d => d.IsError).ToList();
}
