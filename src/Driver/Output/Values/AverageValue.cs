namespace BtLang.Driver.Output;

/// <summary>A merged <c>avg()</c>; prints the integer average.</summary>
public sealed record AverageValue(long Total, ulong Count, bool IsSigned) : Value
{
    /// <summary>total / count with C integer division (0 when the count is 0).</summary>
    public long Average => AggregateMath.Average(Total, Count, IsSigned);
}
