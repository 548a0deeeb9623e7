namespace BtLang.Semantics.Formatting;

/// <summary>Log2 (<c>hist</c>) or linear (<c>lhist</c>) bucketing.</summary>
public enum HistogramKind
{
    Log2,
    Linear,
}
