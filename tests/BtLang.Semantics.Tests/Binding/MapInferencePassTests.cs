using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Tests.Binding;

/// <summary>
/// Map types are inferred over the whole program in one pass when no map is read before its type is settled, and
/// in more when one is: the result is the same as binding with the final types from the start.
/// Each case: the script, the passes it takes, and the expected "@map: key -> value" of one map.
/// </summary>
public sealed class MapInferencePassTests
{
    [Theory]
    // Assigned before any read (or never read): one pass.
    [InlineData("BEGIN { @c[1, \"a\"] = count(); @h = hist(5); @s = \"abc\"; print(@s); }", 1, "@c: (int64, string[2]) -> count_t")]
    [InlineData("BEGIN { @x = 1; @y = @x + 1; @x++; @n[2]++; }", 1, "@x: - -> int64")]
    [InlineData("kprobe:f { @start[tid] = nsecs; } kretprobe:f /@start[tid]/ { @lat = hist(nsecs - @start[tid]); delete(@start[tid]); }", 1, "@start: uint64 -> uint64")]
    // Read in a probe before the one that assigns it: the read is bound again with the type.
    [InlineData("END { printf(\"%s\\n\", @s); } BEGIN { @s = \"abc\"; }", 2, "@s: - -> string[4]")]
    [InlineData("kretprobe:f /@start[tid]/ { @lat = hist(nsecs - @start[tid]); } kprobe:f { @start[tid] = nsecs; }", 2, "@start: uint64 -> uint64")]
    // The first compound assignment reads a map nobody assigned yet; the map's type comes from it.
    [InlineData("BEGIN { @t += 5; }", 2, "@t: - -> int64")]
    // A string that grows after it was read: the earlier read is bound again with the larger type.
    [InlineData("BEGIN { @s = \"a\"; printf(\"%s\\n\", @s); @s = \"longer\"; }", 2, "@s: - -> string[7]")]
    // A key that widens after a read.
    [InlineData("BEGIN { @k[\"a\"] = 1; @v = @k[\"a\"]; @k[\"longer\"] = 2; }", 2, "@k: string[7] -> int64")]
    // Read before assignment, and that read's value assigned to another map: the other map's type is the final one.
    [InlineData("END { @copy = @s; } BEGIN { @s = \"abcdef\"; }", 2, "@copy: - -> string[7]")]
    [InlineData("BEGIN { @x = @x + 1; }", 2, "@x: - -> int64")]
    public void InfersInTheExpectedNumberOfPasses(string source, int passes, string map)
    {
        var tree = SyntaxTree.ParseText(source);
        var compilation = Compilation.Create(tree);

        Assert.Empty(compilation.GetDiagnostics().Where(d => d.IsError));
        Assert.Equal(passes, compilation.Binding.Passes);
        string name = map[..map.IndexOf(':')];
        var symbol = Assert.Single(compilation.Maps, m => m.Name == name);
        Assert.Equal(map, $"{symbol.Name}: {symbol.KeyType?.ToString() ?? "-"} -> {symbol.ValueType}");
    }

    [Fact]
    public void MapNeverAssignedIsReportedAtItsRead()
    {
        var tree = SyntaxTree.ParseText("BEGIN { @y = @nope + 1; print(@never); }");
        var compilation = Compilation.Create(tree);

        Assert.Equal(["BT1004 @nope", "BT1004 @never"], compilation.GetDiagnostics()
            .Select(d => $"{d.Id} {tree.Text.ToString(d.Location.Span)}"));
        Assert.Equal(2, compilation.Binding.Passes);
    }

    [Fact]
    public void EveryReadOfAMapSeesItsFinalType()
    {
        // The read in END comes first in the text; after inference its bound type is the string the BEGIN gives.
        var tree = SyntaxTree.ParseText("END { @copy = @s; } BEGIN { @s = \"abcdef\"; }");
        var compilation = Compilation.Create(tree);
        var model = compilation.GetSemanticModel();
        var read = tree.GetRoot().DescendantNodes().OfType<MapExpressionSyntax>().First(m => m.MapToken.Text == "@s");

        Assert.Empty(compilation.GetDiagnostics());
        Assert.Equal(new StringType(7), model.GetType(read));
        Assert.Equal(new StringType(7), Assert.Single(compilation.Maps, m => m.Name == "@copy").ValueType);
    }
}
