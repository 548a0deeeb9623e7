namespace BtLang.Semantics.Types;

/// <summary>
/// The value type of a map assigned an aggregation (<c>count_t</c>, <c>sum_t</c>, <c>hist_t</c>, ...). Two
/// aggregate types are equal when their kind and parameters agree, so <c>@h = hist(x)</c> and <c>@h = hist(x, 2)</c>
/// in one program are a type mismatch, as in bpftrace.
/// </summary>
public sealed class AggregateType : BtType
{
    public AggregateType(AggregateKind aggregate, bool isSigned = true, int histBits = 0, long min = 0, long max = 0, long step = 0)
        : base(TypeKind.Aggregate)
    {
        Aggregate = aggregate;
        IsSigned = isSigned;
        HistBits = histBits;
        Min = min;
        Max = max;
        Step = step;
    }

    public AggregateKind Aggregate { get; }

    /// <summary>Whether the aggregated argument is signed (sum/min/max/avg/stats print accordingly).</summary>
    public bool IsSigned { get; }

    public int HistBits { get; }

    public long Min { get; }

    public long Max { get; }

    public long Step { get; }

    /// <summary>Number of u64 buckets for hist/lhist values.</summary>
    public int Buckets => Aggregate switch
    {
        AggregateKind.Hist => ((64 - HistBits) << HistBits) + 1,
        AggregateKind.LHist => (int)((Max - Min) / Step) + 2,
        _ => 0,
    };

    /// <summary>Bytes of one CPU's slot in the BPF map.</summary>
    public override int Size => Aggregate switch
    {
        AggregateKind.Count or AggregateKind.Sum => 8,
        AggregateKind.Min or AggregateKind.Max or AggregateKind.Avg or AggregateKind.Stats => 16,
        _ => Buckets * 8,
    };

    public override bool Equals(BtType? other) =>
        other is AggregateType a && a.Aggregate == Aggregate && a.HistBits == HistBits && a.Min == Min && a.Max == Max && a.Step == Step;

    public override int GetHashCode() => HashCode.Combine(Aggregate, HistBits, Min, Max, Step);

    public override string ToString() => Aggregate switch
    {
        AggregateKind.Count => "count_t",
        AggregateKind.Sum => "sum_t",
        AggregateKind.Min => "min_t",
        AggregateKind.Max => "max_t",
        AggregateKind.Avg => "avg_t",
        AggregateKind.Stats => "stats_t",
        AggregateKind.Hist => "hist_t",
        _ => "lhist_t",
    };
}
