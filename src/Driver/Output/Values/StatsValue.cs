namespace BtLang.Driver.Output;

/// <summary>A merged <c>stats()</c>: count, average, total.</summary>
public sealed record StatsValue(long Total, ulong Count, bool IsSigned) : Value
{
    public long Average => AggregateMath.Average(Total, Count, IsSigned);
}
