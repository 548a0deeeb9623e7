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

    /// <summary>The last <paramref name="count"/> non-empty lines, joined with newlines.</summary>
    public static string Tail(string log, int count)
    {
        var lines = Lines(log);
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Count - count)));
    }

    private static List<string> Lines(string log) =>
        log.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
}
