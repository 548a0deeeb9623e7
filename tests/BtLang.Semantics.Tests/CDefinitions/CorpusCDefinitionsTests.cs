using System.Collections.Immutable;
using BtLang.Semantics.CDefinitions;
using BtLang.Semantics.Types;
using BtLang.Syntax;
using BtLang.TestUtilities;

namespace BtLang.Semantics.Tests.CDefinitions;

/// <summary>The corpus scripts with C parts parse through clang without diagnostics.</summary>
public sealed class CorpusCDefinitionsTests
{
    private static CDeclarations ParseCorpus(string name, ImmutableArray<string> includeDirectories)
    {
        string path = RepoPaths.Combine("tests", "corpus", "valid", name);
        var tree = SyntaxTree.ParseText(File.ReadAllText(path), path);
        var declarations = CDeclarations.Parse(tree.GetRoot(), includeDirectories, ImmutableArray<string>.Empty, kernelBtfAvailable: true, externalStructs: null, out var diagnostics);
        Assert.Empty(diagnostics);
        return declarations;
    }

    [Fact]
    public void DefineEnumUnion()
    {
        var c = ParseCorpus("define_enum_union.bt", ImmutableArray<string>.Empty);
        Assert.True(c.TryGetConstant("MAX", out long max));
        Assert.Equal(10, max);
        Assert.True(c.TryGetConstant("TWO_LINES", out long two));
        Assert.Equal(3, two);
        Assert.Equal(8, c.FindStruct("Value", isUnion: true)!.Size);
        Assert.True(c.TryGetEnumConstant("BLUE", out long blue, out var color));
        Assert.Equal(3, blue);
        Assert.Equal("Color", color.Name);
        Assert.Equal(IntegerType.UInt32, c.FindTypedef("my_u32"));
    }

    [Fact]
    public void IncludeStructWithLocalHeaderDirectory()
    {
        string directory = Directory.CreateTempSubdirectory("btlang-cfront-").FullName;
        try
        {
            // The corpus ships its own local.h (struct local_pair); an -I directory holding one too must not break it.
            File.WriteAllText(Path.Combine(directory, "local.h"), "struct local_pair { int first; int second; };\n");
            var c = ParseCorpus("include_struct.bt", [directory]);
            var foo = c.FindStruct("Foo", isUnion: false)!;
            Assert.Equal(24, foo.Size);
            Assert.Equal(new StringType(16), foo.FindMember("name")!.Type);
            Assert.Equal(20, foo.FindMember("inner")!.Offset);
            Assert.NotNull(c.FindStruct("local_pair", isUnion: false));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void NaptimeLikeSystemHeaders()
    {
        // linux/time.h and linux/sched.h: read from the system when installed, skipped (BTF provides them) when not.
        ParseCorpus("naptime_like.bt", ImmutableArray<string>.Empty);
    }
}
