using BtLang.Semantics.ProbeCatalog;
using BtLang.Semantics.ProbeCatalog.Dwarf;
using BtLang.Semantics.Tests.ProbeCatalog;
using BtLang.Syntax;

namespace BtLang.Semantics.Tests.Binding;

/// <summary>uprobe <c>args</c> from DWARF: a C program compiled with gcc -g (DWARF 5) and with -gdwarf-4, and without -g.</summary>
public sealed class UprobeArgsTests
{
    private const string Source = """
        #include <stddef.h>
        typedef unsigned int u32;
        enum color { RED, GREEN };
        struct pt { long x, y; };
        __attribute__((noinline)) long bt_add(long a, long b) { return a + b; }
        __attribute__((noinline)) int bt_mix(const char *s, unsigned char u, short h, enum color c, int *p, unsigned long long q) { return s[0] + u + h + c + *p + (int)q; }
        __attribute__((noinline)) long bt_many(int a, int b, int c, int d, int e, int f, int g) { return a + b + c + d + e + f + g; }
        __attribute__((noinline)) long bt_struct(struct pt p, u32 n) { return p.x + n; }
        int main(void) { int v = 3; struct pt p = { 1, 2 }; return (int)(bt_add(1, 2) + bt_mix("hi", 1, 2, GREEN, &v, 5) + bt_many(1, 2, 3, 4, 5, 6, 7) + bt_struct(p, 4)) & 0; }
        """;

    private static readonly Lazy<string> Dwarf5 = new(() => CatalogFixtures.CompileC("dwarf5", Source, "-O0 -g"));
    private static readonly Lazy<string> Dwarf4 = new(() => CatalogFixtures.CompileC("dwarf4", Source, "-O0 -gdwarf-4"));
    private static readonly Lazy<string> NoDebug = new(() => CatalogFixtures.CompileC("nodebug", Source, "-O0"));

    private static readonly SystemProbeCatalog Catalog = new();

    private static List<string> Errors(string source, string binary)
    {
        var tree = SyntaxTree.ParseText(source.Replace("BIN", binary, StringComparison.Ordinal));
        var compilation = Compilation.Create(tree, new CompilationOptions { Catalog = Catalog });
        return compilation.GetDiagnostics().Where(d => d.IsError).Select(d => $"{d.Id} {d.Message}").ToList();
    }

    [Theory]
    [InlineData(5)]
    [InlineData(4)]
    public void ReadsParametersNamedAndTyped(int version)
    {
        string path = version == 5 ? Dwarf5.Value : Dwarf4.Value;
        Assert.True(Catalog.TryGetUserFunction(path, "bt_mix", out var function, out string error), error);
        Assert.Equal(
            new[]
            {
                new DwarfParameter("s", "const char*", DwarfValueKind.Pointer, 8, false, true),
                new DwarfParameter("u", "unsigned char", DwarfValueKind.Integer, 1, false, false),
                new DwarfParameter("h", "short int", DwarfValueKind.Integer, 2, true, false),
                new DwarfParameter("c", "enum color", DwarfValueKind.Integer, 4, false, false),
                new DwarfParameter("p", "int*", DwarfValueKind.Pointer, 8, false, false),
                new DwarfParameter("q", "long long unsigned int", DwarfValueKind.Integer, 8, false, false),
            },
            function.Parameters);
        Assert.True(Catalog.TryGetUserFunction(path, "bt_struct", out var structs, out error), error);
        Assert.Equal(new[] { "struct pt p", "u32 n" }, structs.Parameters.Select(p => $"{p.TypeName} {p.Name}"));
        Assert.Equal(DwarfValueKind.Unsupported, structs.Parameters[0].Kind);
        Assert.False(Catalog.TryGetUserFunction(path, "no_such_function", out _, out error));
        Assert.Equal($"No debuginfo found for function no_such_function in {path}", error);
    }

    [Fact]
    public void ArgsBindInAUprobe()
    {
        Assert.Empty(Errors("uprobe:BIN:bt_mix { printf(\"%s %d %d %d %d %d\\n\", str(args.s), args.u, args.h, args.c, *args.p, args.q); }", Dwarf5.Value));
        Assert.Empty(Errors("uprobe:BIN:bt_add { @[args.a] = sum(args.b); } uprobe:BIN:bt_struct { @n = args.n; }", Dwarf5.Value));
    }

    [Theory]
    [InlineData("uprobe:BIN:bt_many { print(args.g); }", "BT1083 args.g (int) of bt_many is argument 7: only the first 6 are in registers")]
    [InlineData("uprobe:BIN:bt_struct { print(args.p); }", "BT1083 args.p (struct pt) of bt_struct is passed by value as a struct, union, array or float, which is not supported")]
    [InlineData("uprobe:BIN:bt_add { print(args.c); }", "BT1021 ")]
    [InlineData("uprobe:BIN:bt_* { print(args.a); }", "BT1084 ")]
    public void UnreadableArgumentsAreLocatedErrors(string source, string expected)
    {
        var errors = Errors(source, Dwarf5.Value);
        Assert.Single(errors);
        Assert.StartsWith(expected, errors[0]);
    }

    [Fact]
    public void NoDebugInfoIsAnError()
    {
        Assert.Equal(new[] { $"BT1082 No debuginfo found for {NoDebug.Value}" }, Errors("uprobe:BIN:bt_add { print(args.a); }", NoDebug.Value));
    }
}
