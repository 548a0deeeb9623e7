using BtLang.LanguageServer.Protocol;
using BtLang.LanguageServer.Workspace;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.LanguageServer.Tests;

public sealed class LineMapTests
{
    [Theory]
    [InlineData("a\nb", 1, 0, 2)]
    [InlineData("a\r\nb", 1, 0, 3)]
    [InlineData("a\rb", 1, 1, 3)]
    [InlineData("abc", 0, 99, 3)]   // past the end of a line: clamped to the line's end
    [InlineData("ab\ncd", 7, 0, 5)] // past the last line: the end of the text
    [InlineData("ab\r\ncd", 0, 5, 2)] // never inside the line break
    public void Offsets_of_positions(string text, int line, int character, int offset)
        => Assert.Equal(offset, LineMap.Create(SourceText.From(text)).GetOffset(new Position(line, character)));

    [Fact]
    public void Columns_are_utf16_code_units()
    {
        // 'é' is one UTF-16 unit, '😀' two; the column after them counts code units, not bytes or code points.
        var map = LineMap.Create(SourceText.From("é😀x\n"));
        Assert.Equal(new Position(0, 3), map.GetPosition(3));
        Assert.Equal(3, map.GetOffset(new Position(0, 3)));
    }

    [Fact]
    public void Only_lsp_line_breaks_count()
    {
        // U+2028 is a line break for SourceText but not for LSP clients.
        var map = LineMap.Create(SourceText.From("a\u2028b\nc"));
        Assert.Equal(2, map.LineCount);
        Assert.Equal(new Position(1, 0), map.GetPosition(4));
    }

    [Fact]
    public void Positions_round_trip_over_mixed_line_endings()
    {
        string text = "BEGIN {\r\n  printf(\"hi\");\r}\n\nEND { }";
        var map = LineMap.Create(SourceText.From(text));
        for (int offset = 0; offset <= text.Length; offset++)
        {
            bool insideCrLf = offset > 0 && text[offset - 1] == '\r' && offset < text.Length && text[offset] == '\n';
            if (insideCrLf)
                continue;
            Assert.Equal(offset, map.GetOffset(map.GetPosition(offset)));
        }
    }
}
