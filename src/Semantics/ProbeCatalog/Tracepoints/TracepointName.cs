namespace BtLang.Semantics.ProbeCatalog.Tracepoints;

/// <summary>A tracepoint's category and event name.</summary>
public readonly record struct TracepointName(string Category, string Name)
{
    /// <summary><c>category:name</c>.</summary>
    public override string ToString() => $"{Category}:{Name}";

    /// <summary>Parses <c>category:name</c>; returns false without a colon.</summary>
    public static bool TryParse(string text, out TracepointName name)
    {
        int colon = text.IndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            name = default;
            return false;
        }
        name = new TracepointName(text[..colon], text[(colon + 1)..]);
        return true;
    }
}
