using System.Text;

namespace BtLang.Diagnostics;

/// <summary>
/// Renders diagnostics the way bpftrace users know them:
/// <code>
/// stdin:1:12-13: ERROR: unexpected ')'
/// BEGIN { printf() }
///            ~
/// HINT: ...
/// BT0001
/// </code>
/// Columns are 1-based and the end column is exclusive, as in bpftrace. A span over several lines prints
/// <c>file:3-5:</c> and the first line only. Diagnostics without a source location print <c>ERROR: message</c>.
/// </summary>
public static class DiagnosticFormatter
{
    public static string Format(Diagnostic diagnostic)
    {
        var builder = new StringBuilder();
        Append(builder, diagnostic);
        return builder.ToString();
    }

    public static string Format(IEnumerable<Diagnostic> diagnostics)
    {
        var builder = new StringBuilder();
        foreach (var diagnostic in diagnostics)
        {
            Append(builder, diagnostic);
        }

        return builder.ToString();
    }

    public static string SeverityLabel(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "ERROR",
        DiagnosticSeverity.Warning => "WARNING",
        _ => "NOTE",
    };

    private static void Append(StringBuilder builder, Diagnostic diagnostic)
    {
        var label = SeverityLabel(diagnostic.Severity);
        var location = diagnostic.Location;
        if (location.Text is not { } text)
        {
            builder.Append(label).Append(": ").Append(diagnostic.Message).Append('\n');
        }
        else
        {
            var span = location.GetLineSpan();
            int startLine = span.Start.Line + 1;
            int endLine = span.End.Line + 1;
            builder.Append(location.Path).Append(':');
            if (startLine == endLine)
            {
                int startColumn = span.Start.Character + 1;
                int endColumn = Math.Max(span.End.Character + 1, startColumn + 1);
                builder.Append(startLine).Append(':').Append(startColumn).Append('-').Append(endColumn);
            }
            else
            {
                builder.Append(startLine).Append('-').Append(endLine);
            }

            builder.Append(": ").Append(label).Append(": ").Append(diagnostic.Message).Append('\n');

            var line = text.Lines[span.Start.Line];
            var lineText = text.ToString(line.Span);
            builder.Append(lineText).Append('\n');
            if (startLine == endLine)
            {
                AppendUnderline(builder, lineText, span.Start.Character, span.End.Character);
            }
        }

        foreach (var hint in diagnostic.Hints)
        {
            builder.Append("HINT: ").Append(hint).Append('\n');
        }

        builder.Append(diagnostic.Id).Append('\n');
    }

    private static void AppendUnderline(StringBuilder builder, string lineText, int start, int end)
    {
        // Keep tabs so the underline lines up with the source line in a terminal.
        for (int i = 0; i < start && i < lineText.Length; i++)
        {
            builder.Append(lineText[i] == '\t' ? '\t' : ' ');
        }

        for (int i = start; i < start + Math.Max(1, end - start); i++)
        {
            builder.Append('~');
        }

        builder.Append('\n');
    }
}
