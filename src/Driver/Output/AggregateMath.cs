namespace BtLang.Driver.Output;

/// <summary>Small arithmetic helpers shared by aggregate values, merging and printing.</summary>
internal static class AggregateMath
{
    /// <summary>C integer division total / count, truncating toward zero; 0 when count is 0.</summary>
    public static long Average(long total, ulong count, bool signed)
    {
        if (count == 0)
        {
            return 0;
        }

        if (signed)
        {
            return count > long.MaxValue ? 0 : total / (long)count;
        }

        return unchecked((long)((ulong)total / count));
    }

    /// <summary>value / div with the value's signedness; div 0 or 1 leaves it unchanged.</summary>
    public static long Divide(long value, long div, bool signed)
    {
        if (div is 0 or 1)
        {
            return value;
        }

        return signed ? value / div : unchecked((long)((ulong)value / (ulong)div));
    }

    /// <summary>
    /// The number a count/sum/min/max/avg value prints as, divided by <paramref name="div"/>; false for other values.
    /// One definition for the text and the JSON writers.
    /// </summary>
    public static bool TryScalar(Value value, long div, out long bits, out bool signed)
    {
        (bits, signed) = value switch
        {
            CountValue c => (Divide(unchecked((long)c.Count), div, signed: false), false),
            SumValue s => (Divide(s.Total, div, s.IsSigned), s.IsSigned),
            MinMaxValue m => (Divide(m.Value, div, m.IsSigned), m.IsSigned),
            AverageValue a => (Divide(a.Average, div, a.IsSigned), a.IsSigned),
            _ => (0L, false),
        };
        return value is CountValue or SumValue or MinMaxValue or AverageValue;
    }
}
