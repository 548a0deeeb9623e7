using BtLang.Syntax;
using BtLang.TestUtilities;

namespace BtLang.Syntax.Tests;

/// <summary>
/// Parser tests as files: every ParserTests/{ok,err}/*.bt has a *.tree beside it with the dumped tree (and, for err/,
/// the diagnostics). Files in ok/ must parse without diagnostics, files in err/ with at least one. Set
/// BTLANG_UPDATE_BASELINES=1 to rewrite the .tree files after a deliberate change.
/// </summary>
public sealed class ParserBaselineTests
{
    private static string Folder => RepoPaths.Combine("tests", "BtLang.Syntax.Tests", "ParserTests");

    public static TheoryData<string> OkFiles => Files("ok");

    public static TheoryData<string> ErrFiles => Files("err");

    [Theory]
    [MemberData(nameof(OkFiles))]
    public void OkFileMatchesBaseline(string name) => Check("ok", name, expectErrors: false);

    [Theory]
    [MemberData(nameof(ErrFiles))]
    public void ErrFileMatchesBaseline(string name) => Check("err", name, expectErrors: true);

    private static void Check(string kind, string name, bool expectErrors)
    {
        string path = Path.Combine(Folder, kind, name);
        string text = File.ReadAllText(path);
        var tree = SyntaxTree.ParseText(text, name);
        TreeInvariants.Check(tree, text);
        string actual = TreeDumper.Dump(tree.GetRoot());
        foreach (var diagnostic in tree.GetDiagnostics())
        {
            actual += $"{diagnostic.Id} {diagnostic.Location.Span}: {diagnostic.Message}\n";
        }

        string baseline = Path.ChangeExtension(path, ".tree");
        if (Environment.GetEnvironmentVariable("BTLANG_UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(baseline, actual);
        }

        Assert.True(File.Exists(baseline), $"No baseline {baseline}: run with BTLANG_UPDATE_BASELINES=1 to create it.");
        Assert.Equal(File.ReadAllText(baseline), actual);
        Assert.Equal(expectErrors, !tree.GetDiagnostics().IsEmpty);
    }

    private static TheoryData<string> Files(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Folder, kind), "*.bt").OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }
}
