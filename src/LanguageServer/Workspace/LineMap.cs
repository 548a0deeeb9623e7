using BtLang.LanguageServer.Protocol;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.LanguageServer.Workspace;

/// <summary>
/// Converts between text offsets and LSP positions. Lines end at <c>\n</c>, <c>\r\n</c> or <c>\r</c> only (LSP's
/// rule; SourceText also breaks at U+2028/U+2029/U+0085, which clients do not). Columns are UTF-16 code units, the
/// unit of .NET strings and of LSP's default position encoding. Out-of-range positions are clamped, never thrown.
/// </summary>
public sealed class LineMap
{
    private readonly int[] _lineStarts;
    private readonly int[] _lineEnds; // end of the line's content, before its line break

    private LineMap(int[] lineStarts, int[] lineEnds, int length)
    {
        _lineStarts = lineStarts;
        _lineEnds = lineEnds;
        Length = length;
    }

    /// <summary>The length of the text.</summary>
    public int Length { get; }

    /// <summary>The number of lines (at least 1).</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>Builds the map of a text.</summary>
    public static LineMap Create(SourceText text)
    {
        var starts = new List<int> { 0 };
        var ends = new List<int>();
        int length = text.Length;
        const int ChunkSize = 8192;
        var buffer = new char[ChunkSize + 1];
        bool pendingCr = false;
        for (int chunkStart = 0; chunkStart < length; chunkStart += ChunkSize)
        {
            int count = Math.Min(ChunkSize, length - chunkStart);
            text.CopyTo(chunkStart, buffer, 0, count);
            for (int i = 0; i < count; i++)
            {
                int offset = chunkStart + i;
                char c = buffer[i];
                if (pendingCr)
                {
                    pendingCr = false;
                    if (c == '\n')
                    {
                        starts[^1] = offset + 1;
                        continue;
                    }
                }
                if (c == '\n' || c == '\r')
                {
                    ends.Add(offset);
                    starts.Add(offset + 1);
                    pendingCr = c == '\r';
                }
            }
        }
        ends.Add(length);
        return new LineMap(starts.ToArray(), ends.ToArray(), length);
    }

    /// <summary>The offset of the first character of a line (clamped).</summary>
    public int GetLineStart(int line) => _lineStarts[Math.Clamp(line, 0, _lineStarts.Length - 1)];

    /// <summary>The offset just past a line's content, before its line break (clamped).</summary>
    public int GetLineEnd(int line) => _lineEnds[Math.Clamp(line, 0, _lineEnds.Length - 1)];

    /// <summary>The offset of a position; lines past the end give the text's end, columns past a line's end its end.</summary>
    public int GetOffset(Position position)
    {
        if (position.Line < 0)
            return 0;
        if (position.Line >= _lineStarts.Length)
            return Length;
        int start = _lineStarts[position.Line];
        int end = _lineEnds[position.Line];
        return Math.Clamp(start + Math.Max(position.Character, 0), start, end);
    }

    /// <summary>The line holding an offset.</summary>
    public int GetLine(int offset)
    {
        offset = Math.Clamp(offset, 0, Length);
        int index = Array.BinarySearch(_lineStarts, offset);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>The position of an offset (clamped to the text).</summary>
    public Position GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Length);
        int line = GetLine(offset);
        return new Position(line, Math.Min(offset, _lineEnds[line]) - _lineStarts[line]);
    }

    /// <summary>The range of a span.</summary>
    public LspRange GetRange(TextSpan span) => new(GetPosition(span.Start), GetPosition(span.End));

    /// <summary>The span of a range (start and end clamped, end never before start).</summary>
    public TextSpan GetSpan(LspRange range)
    {
        int start = GetOffset(range.Start);
        int end = GetOffset(range.End);
        return end < start ? new TextSpan(end, start - end) : TextSpan.FromBounds(start, end);
    }
}
