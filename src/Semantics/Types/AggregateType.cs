namespace BtLang.Semantics.Types;

/// <summary>
/// The value type of a map assigned an aggregation (<c>count_t</c>, <c>sum_t</c>, <c>hist_t</c>, ...). Two
/// aggregate types are equal when their kind and parameters agree, so <c>@h = hist(x)</c> and <c>@h = hist(x, 2)</c>
/// in one program are a type mismatch, as in bpftrace.
/// </summary>
public sealed class AggregateType : BtType
{
    public AggregateType(AggregateKind aggregate, bool isSigned = true, int histBits = 0, long min = 0, long max = 0, long step = 0,
        long intervalNs = 0, int intervalCount = 0, TSeriesFunction tseriesFunction = TSeriesFunction.None)
        : base(TypeKind.Aggregate)
    {
        IntervalNs = intervalNs;
        IntervalCount = intervalCount;
        TSeriesFunction = tseriesFunction;
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

    /// <summary>tseries: nanoseconds per interval.</summary>
    public long IntervalNs { get; }

    /// <summary>tseries: how many intervals are kept.</summary>
    public int IntervalCount { get; }

    /// <summary>tseries: how the values of one interval combine.</summary>
    public TSeriesFunction TSeriesFunction { get; }

    /// <summary>Number of u64 buckets for hist/lhist values.</summary>
    public int Buckets => Aggregate switch
    {
        AggregateKind.Hist => ((64 - HistBits) << HistBits) + 1,
        AggregateKind.LHist => (int)((Max - Min) / Step) + 2,
        AggregateKind.TSeries => IntervalCount,
        _ => 0,
    };

    /// <summary>Bytes of one CPU's slot in the BPF map.</summary>
    public override int Size => Aggregate switch
    {
        AggregateKind.Count or AggregateKind.Sum => 8,
        AggregateKind.Min or AggregateKind.Max or AggregateKind.Avg or AggregateKind.Stats => 16,
        AggregateKind.TSeries => 24,
        _ => Buckets * 8,
    };

    public override bool Equals(BtType? other) =>
        other is AggregateType a && a.Aggregate == Aggregate && a.HistBits == HistBits && a.Min == Min && a.Max == Max && a.Step == Step
        && a.IntervalNs == IntervalNs && a.IntervalCount == IntervalCount && a.TSeriesFunction == TSeriesFunction;

    public override int GetHashCode() => HashCode.Combine(Aggregate, HistBits, Min, Max, Step, IntervalNs, IntervalCount, TSeriesFunction);

    public override string ToString() => Aggregate switch
    {
        AggregateKind.Count => "count_t",
        AggregateKind.Sum => "sum_t",
        AggregateKind.Min => "min_t",
        AggregateKind.Max => "max_t",
        AggregateKind.Avg => "avg_t",
        AggregateKind.Stats => "stats_t",
        AggregateKind.Hist => "hist_t",
        AggregateKind.TSeries => "tseries_t",
        _ => "lhist_t",
    };
}
