using System.Collections.Immutable;
using System.Globalization;

namespace BtLang.Semantics.ProbeCatalog.Tracepoints;

/// <summary>Parses tracefs <c>events/CATEGORY/EVENT/format</c> files.</summary>
public static class TracepointFormatParser
{
    /// <summary>Parses a whole format file. Lines that are not understood are skipped.</summary>
    public static TracepointEvent Parse(string category, string name, string formatText)
    {
        int? id = null;
        var fields = ImmutableArray.CreateBuilder<TracepointField>();
        foreach (var rawLine in formatText.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith("ID:", StringComparison.Ordinal)
                && int.TryParse(line.AsSpan(3).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsedId))
            {
                id = parsedId;
            }
            else if (line.StartsWith("field:", StringComparison.Ordinal) && TryParseFieldLine(line, out var field))
            {
                fields.Add(field);
            }
        }
        return new TracepointEvent(category, name, id, fields.ToImmutable());
    }

    /// <summary>Parses one <c>field:DECL;	offset:N;	size:N;	signed:N;</c> line.</summary>
    public static bool TryParseFieldLine(string line, out TracepointField field)
    {
        field = null!;
        string? declaration = null;
        int offset = -1, size = -1;
        bool signed = false;
        foreach (var part in line.Split(';'))
        {
            var item = part.Trim();
            int colon = item.IndexOf(':');
            if (colon < 0)
                continue;
            var key = item[..colon];
            var value = item[(colon + 1)..].Trim();
            switch (key)
            {
                case "field":
                    declaration = value;
                    break;
                case "offset":
                    int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out offset);
                    break;
                case "size":
                    int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out size);
                    break;
                case "signed":
                    signed = value == "1";
                    break;
            }
        }
        if (declaration is null || offset < 0 || size < 0)
            return false;
        if (!TryParseDeclaration(declaration, out string fieldName, out string typeText, out int? arrayLength))
            return false;
        field = new TracepointField(fieldName, typeText, arrayLength, offset, size, signed);
        return true;
    }

    /// <summary>Splits a C declaration such as <c>char comm[16]</c> or <c>const char * filename</c> into name, type and array length.</summary>
    public static bool TryParseDeclaration(string declaration, out string name, out string typeText, out int? arrayLength)
    {
        name = typeText = "";
        arrayLength = null;
        var text = declaration.Trim();
        if (text.EndsWith(']'))
        {
            int open = text.LastIndexOf('[');
            var inside = text[(open + 1)..^1].Trim();
            var beforeBracket = text[..open].TrimEnd();
            // "__data_loc char[] name" has its brackets on the type, not on the name: the name is then last.
            if (open > 0 && IsIdentifierChar(text[open - 1]))
            {
                arrayLength = int.TryParse(inside, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : 0;
                text = beforeBracket;
            }
        }
        int end = text.Length;
        int start = end;
        while (start > 0 && IsIdentifierChar(text[start - 1]))
            start--;
        if (start == end || start == 0)
            return false;
        name = text[start..end];
        typeText = NormalizeSpaces(text[..start].Trim());
        return typeText.Length > 0;
    }

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static string NormalizeSpaces(string text)
    {
        if (!text.Contains("  ", StringComparison.Ordinal) && !text.Contains('\t'))
            return text;
        return string.Join(' ', text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }
}
