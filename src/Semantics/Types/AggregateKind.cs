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

    /// <summary><c>tseries(v, interval, n [, agg])</c>: one value per time interval, the last n intervals kept.</summary>
    TSeries,
}
