using BtLang.Syntax;

namespace BtLang.Syntax.Tests;

/// <summary>The parser runs on the caller's thread while its stack lasts and moves to a large stack when it does not.</summary>
public sealed class ParserStackTests
{
    [Fact]
    public void ADeepParseOnASmallStackFinishesOnTheLargeOneWithTheSameTree()
    {
        string text = "BEGIN { $y = " + new string('-', 3_000) + "1; if (1) { if (1) { @x = 1 } } }\n";
        var expected = SyntaxTree.ParseText(text);
        SyntaxTree? actual = null;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    actual = SyntaxTree.ParseText(text);
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            256 * 1024);
        thread.Start();
        thread.Join();

        Assert.Null(failure);
        TreeInvariants.Check(actual!, text);
        Assert.True(actual!.GetRoot().IsEquivalentTo(expected.GetRoot()));
        Assert.Equal(expected.GetDiagnostics().Select(d => (d.Id, d.Location.Span)), actual.GetDiagnostics().Select(d => (d.Id, d.Location.Span)));
    }
}
