namespace BtLang.Semantics.ProbeCatalog.Wildcards;

/// <summary>
/// A shell-style wildcard pattern as bpftrace accepts in attach points: <c>*</c> (any run of characters),
/// <c>?</c> (one character), <c>[abc]</c>, <c>[a-z]</c>, <c>[!x]</c>/<c>[^x]</c> (character classes) and
/// <c>{a,b}</c> (alternatives, may nest). Matching is case-sensitive and covers the whole text.
/// </summary>
public sealed class WildcardPattern
{
    private const int MaxAlternatives = 256;
    private readonly string[] _alternatives;

    private WildcardPattern(string text, string[] alternatives)
    {
        Text = text;
        _alternatives = alternatives;
        IsLiteral = !HasWildcards(text);
        LiteralPrefix = ComputeLiteralPrefix(text);
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>True when the pattern has no wildcard characters, so it matches only itself.</summary>
    public bool IsLiteral { get; }

    /// <summary>The characters before the first wildcard character (useful for completion and fast pre-filtering).</summary>
    public string LiteralPrefix { get; }

    /// <summary>A pattern that matches every text.</summary>
    public static WildcardPattern Any { get; } = Parse("*");

    /// <summary>True if <paramref name="text"/> contains any of <c>* ? [ {</c>.</summary>
    public static bool HasWildcards(string text) => text.AsSpan().IndexOfAny("*?[{") >= 0;

    /// <summary>Compiles a pattern. Unbalanced brackets or braces are treated as literal characters.</summary>
    public static WildcardPattern Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var alternatives = new List<string>();
        ExpandBraces(pattern, alternatives);
        return new WildcardPattern(pattern, alternatives.Distinct().ToArray());
    }

    /// <summary>True if the whole <paramref name="text"/> matches the pattern.</summary>
    public bool IsMatch(string text) => IsMatch(text.AsSpan());

    /// <summary>True if the whole <paramref name="text"/> matches the pattern.</summary>
    public bool IsMatch(ReadOnlySpan<char> text)
    {
        if (IsLiteral)
            return text.SequenceEqual(Text);
        foreach (var alternative in _alternatives)
        {
            if (GlobMatch(alternative, text))
                return true;
        }
        return false;
    }

    /// <summary>Returns the texts that match, in their original order.</summary>
    public IEnumerable<string> Filter(IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            if (IsMatch(text))
                yield return text;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static string ComputeLiteralPrefix(string text)
    {
        int index = text.AsSpan().IndexOfAny("*?[{");
        return index < 0 ? text : text[..index];
    }

    private static void ExpandBraces(string pattern, List<string> output)
    {
        if (output.Count >= MaxAlternatives)
        {
            output.Add(pattern);
            return;
        }

        int open = -1;
        int depth = 0;
        var commas = new List<int>();
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '[')
            {
                int close = FindClassEnd(pattern, i);
                if (close > 0)
                {
                    i = close;
                    continue;
                }
            }
            if (c == '{')
            {
                if (depth == 0)
                {
                    open = i;
                    commas.Clear();
                }
                depth++;
            }
            else if (c == ',' && depth == 1)
            {
                commas.Add(i);
            }
            else if (c == '}' && depth > 0)
            {
                depth--;
                if (depth == 0)
                {
                    string prefix = pattern[..open];
                    string suffix = pattern[(i + 1)..];
                    int start = open + 1;
                    foreach (int comma in commas.Append(i))
                    {
                        ExpandBraces(prefix + pattern[start..comma] + suffix, output);
                        start = comma + 1;
                    }
                    return;
                }
            }
        }
        output.Add(pattern);
    }

    private static int FindClassEnd(ReadOnlySpan<char> pattern, int open)
    {
        int i = open + 1;
        if (i < pattern.Length && (pattern[i] == '!' || pattern[i] == '^'))
            i++;
        if (i < pattern.Length && pattern[i] == ']')
            i++;
        for (; i < pattern.Length; i++)
        {
            if (pattern[i] == ']')
                return i;
        }
        return -1;
    }

    private static bool GlobMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        int p = 0, t = 0;
        int starP = -1, starT = -1;
        while (t < text.Length)
        {
            if (p < pattern.Length)
            {
                char pc = pattern[p];
                if (pc == '*')
                {
                    starP = ++p;
                    starT = t;
                    continue;
                }
                if (pc == '?')
                {
                    p++;
                    t++;
                    continue;
                }
                if (pc == '[')
                {
                    int end = FindClassEnd(pattern, p);
                    if (end > 0)
                    {
                        if (ClassMatches(pattern[(p + 1)..end], text[t]))
                        {
                            p = end + 1;
                            t++;
                            continue;
                        }
                    }
                    else if (text[t] == '[')
                    {
                        p++;
                        t++;
                        continue;
                    }
                }
                else if (pc == text[t])
                {
                    p++;
                    t++;
                    continue;
                }
            }
            if (starP < 0)
                return false;
            p = starP;
            t = ++starT;
        }
        while (p < pattern.Length && pattern[p] == '*')
            p++;
        return p == pattern.Length;
    }

    private static bool ClassMatches(ReadOnlySpan<char> body, char c)
    {
        bool negate = false;
        if (body.Length > 0 && (body[0] == '!' || body[0] == '^'))
        {
            negate = true;
            body = body[1..];
        }
        bool found = false;
        for (int i = 0; i < body.Length; i++)
        {
            if (i + 2 < body.Length && body[i + 1] == '-')
            {
                if (c >= body[i] && c <= body[i + 2])
                    found = true;
                i += 2;
            }
            else if (body[i] == c)
            {
                found = true;
            }
        }
        return found != negate;
    }
}
