using System.Collections.Immutable;
using BtLang.Diagnostics;
using BtLang.Semantics.CDefinitions;
using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Tests.CDefinitions;

/// <summary>The C front end: script C definitions read through libclang, with clang's layouts.</summary>
public sealed class CDeclarationsTests
{
    private static CDeclarations Parse(string script, out ImmutableArray<Diagnostic> diagnostics, ImmutableArray<string> includeDirectories = default, bool btf = true, string path = "test.bt")
    {
        var tree = SyntaxTree.ParseText(script, path);
        Assert.Empty(tree.GetDiagnostics());
        return CDeclarations.Parse(tree.GetRoot(), includeDirectories, ImmutableArray<string>.Empty, btf, externalStructs: null, out diagnostics);
    }

    private static CDeclarations ParseClean(string script, ImmutableArray<string> includeDirectories = default)
    {
        var declarations = Parse(script, out var diagnostics, includeDirectories);
        Assert.Empty(diagnostics);
        return declarations;
    }

    [Fact]
    public void StructMembersHaveClangOffsetsAndTypes()
    {
        var c = ParseClean("""
            struct Inner { short s; long l; };
            struct Foo {
              int a;
              char name[16];
              void *p;
              struct Foo *next;
              struct Inner inner;
              unsigned int flag : 1;
              unsigned int mode : 3;
              unsigned char tail;
              int values[3];
            };
            BEGIN { }
            """);

        var foo = c.FindStruct("Foo", isUnion: false);
        Assert.NotNull(foo);
        Assert.False(foo.IsUnion);
        Assert.Equal(72, foo.Size);
        string Dump(StructMember m) => $"{m.Name}@{m.Offset}:{m.Type}:{m.BitFieldOffset}/{m.BitFieldSize}";
        Assert.Equal(
            [
                "a@0:int32:0/0",
                "name@4:string[16]:0/0",
                "p@24:void *:0/0",
                "next@32:struct Foo *:0/0",
                "inner@40:struct Inner:0/0",
                "flag@56:uint32:0/1",
                "mode@56:uint32:1/3",
                "tail@57:uint8:0/0",
                "values@60:int32[3]:0/0",
            ],
            foo.Members.Select(Dump));

        // The self pointer points at the very same struct; the nested struct has its own layout.
        var next = Assert.IsType<PointerType>(foo.FindMember("next")!.Type);
        Assert.Same(foo, next.Element);
        var inner = c.FindStruct("Inner", isUnion: false)!;
        Assert.Equal(16, inner.Size);
        Assert.Equal(8, inner.FindMember("l")!.Offset);
        Assert.Equal(IntegerType.Int64, inner.FindMember("l")!.Type);
    }

    [Fact]
    public void AnonymousMembersAreFlattenedAndNamedAnonymousFieldsKept()
    {
        var c = ParseClean("""
            struct Foo {
              int a;
              char name[16];
              struct { int x; } inner;
              union { long u1; char u2; };
            };
            """);
        var foo = c.FindStruct("Foo", isUnion: false)!;
        Assert.Equal(["a", "name", "inner", "u1", "u2"], foo.Members.Select(m => m.Name));
        var inner = Assert.IsType<StructType>(foo.FindMember("inner")!.Type);
        Assert.Equal(20, foo.FindMember("inner")!.Offset);
        Assert.Equal(0, inner.FindMember("x")!.Offset);
        Assert.Equal(24, foo.FindMember("u1")!.Offset);
        Assert.Equal(24, foo.FindMember("u2")!.Offset);
    }

    [Fact]
    public void UnionMembersShareOffsetZero()
    {
        var c = ParseClean("union Value { int i; long l; char s[3]; };");
        var value = c.FindUnionOrFail("Value");
        Assert.True(value.IsUnion);
        Assert.Equal(8, value.Size);
        Assert.All(value.Members, m => Assert.Equal(0, m.Offset));
        Assert.Null(c.FindStruct("Value", isUnion: false));
    }

    [Fact]
    public void EnumValuesAndConstants()
    {
        var c = ParseClean("""
            enum Color { RED = 1, GREEN, BLUE = 10, BIG = 0x100000000 };
            enum { ANON_A = -3 };
            """);
        var color = c.FindEnum("Color")!;
        Assert.Equal(1, color.Values["RED"]);
        Assert.Equal(2, color.Values["GREEN"]);
        Assert.Equal(10, color.Values["BLUE"]);
        Assert.Equal(8, color.Size);
        Assert.True(c.TryGetEnumConstant("GREEN", out long green, out var type));
        Assert.Equal(2, green);
        Assert.Same(color, type);
        Assert.True(c.TryGetEnumConstant("ANON_A", out long anon, out _));
        Assert.Equal(-3, anon);
        Assert.False(c.TryGetEnumConstant("PURPLE", out _, out _));
    }

    [Fact]
    public void DefineConstantsAreEvaluated()
    {
        var c = ParseClean("""
            #define MAX 10
            #define TWO_LINES \
              (1 + 2)
            #define SHIFTED (MAX << 4)
            #define NAME "not a number"
            #define SQUARE(x) ((x) * (x))
            #define NEG -5L
            enum E { A = MAX };
            BEGIN { @c = MAX; }
            """);
        Assert.True(c.TryGetConstant("MAX", out long max));
        Assert.Equal(10, max);
        Assert.True(c.TryGetConstant("TWO_LINES", out long two));
        Assert.Equal(3, two);
        Assert.True(c.TryGetConstant("SHIFTED", out long shifted));
        Assert.Equal(160, shifted);
        Assert.True(c.TryGetConstant("NEG", out long neg));
        Assert.Equal(-5, neg);
        Assert.False(c.TryGetConstant("NAME", out _));
        Assert.False(c.TryGetConstant("SQUARE", out _));
        Assert.True(c.TryGetEnumConstant("A", out long a, out _));
        Assert.Equal(10, a);
    }

    [Fact]
    public void TypedefsResolveToTheirTypes()
    {
        var c = ParseClean("""
            typedef unsigned int my_u32;
            typedef struct { int x; char c; } pair_t;
            """);
        Assert.Equal(IntegerType.UInt32, c.FindTypedef("my_u32"));
        var pair = Assert.IsType<StructType>(c.FindTypedef("pair_t"));
        Assert.Equal(8, pair.Size);
    }

    [Fact]
    public void LocalIncludeIsFoundThroughIncludeDirectories()
    {
        string directory = Directory.CreateTempSubdirectory("btlang-cfront-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "local.h"), "#define LOCAL_LIMIT 42\nstruct Local { long a; int b; };\n");
            var c = ParseClean("#include \"local.h\"\nstruct Uses { struct Local l; int after; };\n", [directory]);
            Assert.Equal(16, c.FindStruct("Local", isUnion: false)!.Size);
            Assert.Equal(16, c.FindStruct("Uses", isUnion: false)!.FindMember("after")!.Offset);
            Assert.True(c.TryGetConstant("LOCAL_LIMIT", out long limit));
            Assert.Equal(42, limit);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void MissingLocalIncludeIsAnError()
    {
        Parse("BEGIN { }\n#include \"nowhere_to_be_found.h\"\n", out var diagnostics);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("BT1602", diagnostic.Id);
        Assert.Equal("Include file not found: 'nowhere_to_be_found.h'", diagnostic.Message);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().Start.Line);
    }

    [Fact]
    public void MissingSystemIncludeIsAnErrorAndTheRestIsStillRead()
    {
        // bpftrace fails on a missing header too; with BTF the hint says the include can go. The definitions after
        // it are read all the same (one error per missing header, not a cascade).
        var c = Parse("#include <linux/no_such_header_here.h>\n#include <linux/also_missing.h>\nstruct After { int a; };\n", out var diagnostics);
        Assert.Equal(["BT1602", "BT1602"], diagnostics.Select(d => d.Id));
        Assert.Equal("Include file not found: 'linux/no_such_header_here.h'", diagnostics[0].Message);
        Assert.Equal(0, diagnostics[0].Location.GetLineSpan().Start.Line);
        Assert.Equal(1, diagnostics[1].Location.GetLineSpan().Start.Line);
        Assert.Contains("BTF", Assert.Single(diagnostics[0].Hints));
        Assert.NotNull(c.FindStruct("After", isUnion: false));

        Parse("#include <linux/no_such_header_here.h>\nstruct After { int a; };\n", out var withoutBtf, btf: false);
        var diagnostic = Assert.Single(withoutBtf);
        Assert.Equal("BT1602", diagnostic.Id);
        Assert.Empty(diagnostic.Hints);
        Assert.Equal(0, diagnostic.Location.GetLineSpan().Start.Line);
    }

    [Fact]
    public void SyntaxErrorInCIsReportedOnItsScriptLine()
    {
        string script = "BEGIN { }\n\nstruct Bad {\n  int a;\n  int b c;\n};\nBEGIN { }\n";
        Parse(script, out var diagnostics);
        Assert.NotEmpty(diagnostics);
        var first = diagnostics[0];
        Assert.Equal("BT1601", first.Id);
        Assert.Equal(DiagnosticSeverity.Error, first.Severity);
        Assert.Contains("expected", first.Message);
        var span = first.Location.GetLineSpan();
        Assert.Equal(4, span.Start.Line);
        Assert.Equal("test.bt", first.Location.Path);
    }

    [Fact]
    public void ErrorColumnsMatchTheScript()
    {
        Parse("struct S { unknown_t x; };\n", out var diagnostics);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("BT1601", diagnostic.Id);
        Assert.Equal("unknown type name 'unknown_t'", diagnostic.Message);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(0, 11), diagnostic.Location.GetLineSpan().Start);
    }

    [Fact]
    public void BpftraceHaveBtfIsDefinedWhenBtfIsAvailable()
    {
        const string script = "#ifdef BPFTRACE_HAVE_BTF\n#define HAVE 1\n#else\n#define HAVE 0\n#endif\n";
        Assert.True(ParseClean(script).TryGetConstant("HAVE", out long have));
        Assert.Equal(1, have);
        var c = Parse(script, out var diagnostics, btf: false);
        Assert.Empty(diagnostics);
        Assert.True(c.TryGetConstant("HAVE", out long none));
        Assert.Equal(0, none);
    }

    [Fact]
    public void DeclaredOnlyStructsResolveThroughTheExternalResolver()
    {
        var task = new StructType("task_struct", isUnion: false, 4096, [new StructMember("pid", 1234, IntegerType.Int32)]);
        var requests = new List<(string, bool)>();
        var tree = SyntaxTree.ParseText("struct Holder { struct task_struct *t; struct unknown_thing *u; };\n");
        var c = CDeclarations.Parse(tree.GetRoot(), ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, kernelBtfAvailable: true,
            (name, isUnion) => { requests.Add((name, isUnion)); return name == "task_struct" ? task : null; },
            out var diagnostics);
        Assert.Empty(diagnostics);
        var holder = c.FindStruct("Holder", isUnion: false)!;
        Assert.Same(task, Assert.IsType<PointerType>(holder.FindMember("t")!.Type).Element);
        var unknown = Assert.IsType<StructType>(Assert.IsType<PointerType>(holder.FindMember("u")!.Type).Element);
        Assert.Equal("unknown_thing", unknown.Name);
        Assert.Empty(unknown.Members);
        Assert.Equal([("task_struct", false), ("unknown_thing", false)], requests);
        Assert.Null(c.FindStruct("task_struct", isUnion: false));
    }

    [Fact]
    public void ScriptWithoutCPartsNeverCallsLibclang()
    {
        int before = CDeclarations.NativeParsesOnThisThread;
        var tree = SyntaxTree.ParseText("BEGIN { printf(\"hi\\n\"); }\n// #include <x.h> in a comment\n");
        Assert.False(CDeclarations.HasCParts(tree.GetRoot()));
        var c = CDeclarations.Parse(tree.GetRoot(), ["/nonexistent"], ImmutableArray<string>.Empty, out var diagnostics);
        Assert.Same(CDeclarations.Empty, c);
        Assert.Empty(diagnostics);
        Assert.Equal(before, CDeclarations.NativeParsesOnThisThread);

        // The counter does move when there is C to parse, so the check above can fail.
        ParseClean("struct S { int a; };");
        Assert.True(CDeclarations.NativeParsesOnThisThread > before);
    }
}

internal static class CDeclarationsTestExtensions
{
    public static StructType FindUnionOrFail(this CDeclarations declarations, string name) =>
        declarations.FindStruct(name, isUnion: true) ?? throw new Xunit.Sdk.XunitException($"union {name} not found");
}
