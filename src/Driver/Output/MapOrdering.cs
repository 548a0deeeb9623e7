using BtLang.Emit.Metadata;

namespace BtLang.Driver.Output;

/// <summary>
/// The order in which bpftrace prints the entries of one map (BPFTRACE.md §2.2 rule 4): count/sum/integer maps
/// ascending by value, min/max by value, avg/stats by average, hist/lhist by the total of their buckets, everything
/// else by key. Ties are broken by key, so the order is deterministic. <c>top</c> keeps the last (largest) entries.
/// </summary>
public static class MapOrdering
{
    /// <summary>Sorted entries of <paramref name="snapshot"/>, limited to the last <paramref name="top"/> when top &gt; 0.</summary>
    public static MapEntry[] Sort(MapSnapshot snapshot, long top = 0)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var entries = snapshot.Entries.ToArray();
        if (entries.Length > 1)
        {
            var valueKind = ValueOrderOf(snapshot.Map);
            Array.Sort(entries, (a, b) =>
            {
                int c = valueKind == ValueOrder.ByKey ? 0 : CompareValues(a.Value, b.Value);
                return c != 0 ? c : ValueComparer.Instance.Compare(a.Key, b.Key);
            });
        }

        if (top > 0 && entries.Length > top)
        {
            return entries[(int)(entries.Length - top)..];
        }

        return entries;
    }

    private enum ValueOrder
    {
        ByValue,
        ByKey,
    }

    private static ValueOrder ValueOrderOf(MapMetadata map) => map.Aggregate switch
    {
        AggregateKind.None => map.Value.Kind == RuntimeTypeKind.Integer ? ValueOrder.ByValue : ValueOrder.ByKey,
        _ => ValueOrder.ByValue,
    };

    private static int CompareValues(Value a, Value b)
    {
        switch (a, b)
        {
            case (CountValue x, CountValue y):
                return x.Count.CompareTo(y.Count);
            case (SumValue x, SumValue y):
                return Compare(x.Total, y.Total, x.IsSigned);
            case (IntegerValue x, IntegerValue y):
                return Compare(x.Bits, y.Bits, x.IsSigned);
            case (MinMaxValue x, MinMaxValue y):
                return Compare(x.Value, y.Value, x.IsSigned);
            case (AverageValue x, AverageValue y):
                return Compare(x.Average, y.Average, x.IsSigned);
            case (StatsValue x, StatsValue y):
                return Compare(x.Average, y.Average, x.IsSigned);
            case (HistogramValue x, HistogramValue y):
                return x.Total.CompareTo(y.Total);
            default:
                return 0;
        }
    }

    private static int Compare(long x, long y, bool signed) =>
        signed ? x.CompareTo(y) : unchecked((ulong)x).CompareTo(unchecked((ulong)y));
}
