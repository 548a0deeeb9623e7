namespace BtLang.Semantics.Types;

/// <summary>Map value aggregations: <c>@x = count()</c> and friends.</summary>
public enum AggregateKind
{
    Count,
    Sum,
    Min,
    Max,
    Avg,
    Stats,
    Hist,
    LHist,
}
