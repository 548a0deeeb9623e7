namespace BtLang.Driver.LibBpf;

/// <summary>Picks the informative lines out of a verifier log.</summary>
public static class VerifierLogSummary
{
    /// <summary>
    /// The verifier's error line: the last line before the "processed N insns" footer, e.g.
    /// <c>R1 invalid mem access 'scalar'</c>. Null when the log is empty.
    /// </summary>
    public static string? FirstError(string log)
    {
        var lines = Lines(log);
        for (int i = lines.Count - 1; i >= 0; i--)
        {
            string line = lines[i];
            if (line.StartsWith("processed ", StringComparison.Ordinal)
                || line.StartsWith("verification time", StringComparison.Ordinal)
                || line.StartsWith("stack depth", StringComparison.Ordinal)
                || line.StartsWith("-- END PROG LOAD LOG --", StringComparison.Ordinal))
            {
                continue;
            }

            return line;
        }

        return null;
    }

    /// <summary>
    /// The source line the verifier was checking when it failed: the last BTF line-info comment in the log
    /// (<c>; text @ file:line</c>), or null when the log has none. Use it to point at the script line.
    /// </summary>
    public static VerifierSourceLine? LastSourceLine(string log)
    {
        foreach (var line in Enumerable.Reverse(Lines(log)))
        {
            if (!line.StartsWith("; ", StringComparison.Ordinal))
            {
                continue;
            }

            int at = line.LastIndexOf(" @ ", StringComparison.Ordinal);
            int colon = line.LastIndexOf(':');
            if (at < 0 || colon < at
                || !int.TryParse(line.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int number)
                || number == 0)
            {
                continue;
            }

            return new VerifierSourceLine(line[(at + 3)..colon], number, line[2..at].Trim());
        }

        return null;
    }

    /// <summary>The last <paramref name="count"/> non-empty lines, joined with newlines.</summary>
    public static string Tail(string log, int count)
    {
        var lines = Lines(log);
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Count - count)));
    }

    private static List<string> Lines(string log) =>
        log.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
}
