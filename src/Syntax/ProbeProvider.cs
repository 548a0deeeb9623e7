namespace BtLang.Syntax;

/// <summary>
/// A probe provider's spellings: its canonical (today's, lower-case) name, the other long names it had and its short
/// alias. Long names are matched case-insensitively (bpftrace 0.24: <c>BEGIN</c> = <c>begin</c>); short aliases
/// exactly (<c>u</c> is uprobe, <c>U</c> usdt).
/// </summary>
public sealed class ProbeProvider
{
    public ProbeProvider(string name, string? shortName, params string[] otherNames)
    {
        Name = name;
        ShortName = shortName;
        OtherNames = otherNames;
    }

    /// <summary>Canonical name: <c>kprobe</c>, <c>fentry</c> (also for <c>kfunc</c>), <c>begin</c> (also <c>BEGIN</c>).</summary>
    public string Name { get; }

    public string? ShortName { get; }

    public IReadOnlyList<string> OtherNames { get; }

    public override string ToString() => Name;
}
