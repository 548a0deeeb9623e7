namespace BtLang.Semantics.Types;

/// <summary>How <c>tseries(v, interval, n, agg)</c> combines the values of one interval.</summary>
public enum TSeriesFunction
{
    /// <summary>No aggregation: the value assigned last in the interval.</summary>
    None,
    Avg,
    Max,
    Min,
    Sum,
}
