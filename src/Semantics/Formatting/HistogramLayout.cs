namespace BtLang.Semantics.Formatting;

/// <summary>
/// The one definition of histogram bucket layouts, shared by the code generator (which must compute the same bucket
/// index in BPF) and the driver (which labels and prints the buckets exactly as bpftrace does).
/// <para><b>Log2</b>, <c>hist(v)</c> and <c>hist(v, k)</c> with k = <see cref="Bits"/> (0..5): the value is taken as s64.
/// Bucket 0 holds negative values. With N = 2^k, the values 0 .. 2N-1 each get their own bucket (index value + 1);
/// above that every power of two [2^p, 2^(p+1)) is split into N equal sub-buckets. <see cref="BucketIndex"/> is the
/// index function; <see cref="Log2BucketCount"/> = ((64 - k) &lt;&lt; k) + 1 buckets cover every s64.</para>
/// <para><b>Linear</b>, <c>lhist(v, min, max, step)</c>: bucket 0 holds v &lt; min; bucket i (1..) holds
/// [min + (i-1)*step, min + i*step); the last bucket, (max - min) / step + 1, holds v &gt;= max (and the remainder
/// of the range when step does not divide max - min). <see cref="LinearBucketIndex"/> is the index function.</para>
/// </summary>
public sealed class HistogramLayout
{
    /// <summary>Largest supported <c>hist(v, k)</c> k.</summary>
    public const int MaxBits = 5;

    private HistogramLayout(HistogramKind kind, int bits, long min, long max, long step, int bucketCount)
    {
        Kind = kind;
        Bits = bits;
        Min = min;
        Max = max;
        Step = step;
        BucketCount = bucketCount;
    }

    public HistogramKind Kind { get; }

    /// <summary>Sub-bucket bits k of a log2 histogram.</summary>
    public int Bits { get; }

    public long Min { get; }

    public long Max { get; }

    public long Step { get; }

    /// <summary>Number of u64 counters of one histogram value.</summary>
    public int BucketCount { get; }

    public static HistogramLayout Log2(int bits)
    {
        if (bits < 0 || bits > MaxBits)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "hist bits must be between 0 and 5");
        }

        return new HistogramLayout(HistogramKind.Log2, bits, 0, 0, 0, Log2BucketCount(bits));
    }

    public static HistogramLayout Linear(long min, long max, long step)
    {
        if (step <= 0 || max <= min)
        {
            throw new ArgumentOutOfRangeException(nameof(step), "lhist needs min < max and step > 0");
        }

        return new HistogramLayout(HistogramKind.Linear, 0, min, max, step, LinearBucketCount(min, max, step));
    }

    /// <summary>Bucket count of <c>hist(v, bits)</c>: ((64 - bits) &lt;&lt; bits) + 1 (65 for plain <c>hist(v)</c>).</summary>
    public static int Log2BucketCount(int bits) => ((64 - bits) << bits) + 1;

    /// <summary>Bucket count of <c>lhist(v, min, max, step)</c>: (max - min) / step + 2.</summary>
    public static int LinearBucketCount(long min, long max, long step) => checked((int)((max - min) / step + 2));

    /// <summary>
    /// The log2 bucket index of <paramref name="value"/> for <c>hist(value, bits)</c>. The BPF side computes exactly this:
    /// <code>
    /// if (v &lt; 0) return 0;
    /// mask = (1 &lt;&lt; k) - 1;
    /// if (v &lt;= mask) return v + 1;
    /// lg = floor(log2(v));            // 63 - clz(v); a 6-step binary search in BPF
    /// l = lg - k;
    /// x = (v &gt;&gt; l) &amp; mask;       // the k bits after the leading one
    /// return ((l + 1) &lt;&lt; k) + x + 1;
    /// </code>
    /// </summary>
    public static int BucketIndex(long value, int bits)
    {
        if (value < 0)
        {
            return 0;
        }

        ulong v = (ulong)value;
        ulong mask = (1UL << bits) - 1;
        if (v <= mask)
        {
            return (int)v + 1;
        }

        int lg = 63 - System.Numerics.BitOperations.LeadingZeroCount(v);
        int l = lg - bits;
        int x = (int)((v >> l) & mask);
        return ((l + 1) << bits) + x + 1;
    }

    /// <summary>The lhist bucket index of <paramref name="value"/> (see the class summary).</summary>
    public static int LinearBucketIndex(long value, long min, long max, long step)
    {
        if (value < min)
        {
            return 0;
        }

        if (value >= max)
        {
            return (int)((max - min) / step) + 1;
        }

        return (int)((value - min) / step) + 1;
    }

    /// <summary>Bucket index of a value in this layout.</summary>
    public int IndexOf(long value) =>
        Kind == HistogramKind.Log2 ? BucketIndex(value, Bits) : LinearBucketIndex(value, Min, Max, Step);

    /// <summary>Inclusive lower bound of bucket <paramref name="index"/>, or null for the open-ended first bucket.</summary>
    public HistogramBound? LowerBound(int index)
    {
        CheckIndex(index);
        if (index == 0)
        {
            return null;
        }

        return Kind == HistogramKind.Log2 ? Log2Boundary(index - 1) : LinearBoundary(index - 1);
    }

    /// <summary>Exclusive upper bound of bucket <paramref name="index"/>, or null for the open-ended lhist overflow bucket.</summary>
    public HistogramBound? UpperBound(int index)
    {
        CheckIndex(index);
        if (Kind == HistogramKind.Log2)
        {
            return Log2Boundary(index);
        }

        // bpftrace keeps a label only while it does not pass max: the last bucket is "[x, ...)".
        return Min + (index * Step) <= Max ? LinearBoundary(index) : null;
    }

    /// <summary>bpftrace's text label of a bucket: <c>(..., 0)</c>, <c>[0]</c>, <c>[2, 4)</c>, <c>[1K, 2K)</c>, <c>[1000, ...)</c>.</summary>
    public string Label(int index)
    {
        var lower = LowerBound(index);
        var upper = UpperBound(index);
        if (lower is null)
        {
            return "(..., " + upper!.Value.Label + ")";
        }

        if (upper is null)
        {
            return "[" + lower.Value.Label + ", ...)";
        }

        if (lower.Value.IsPlain && upper.Value.IsPlain && lower.Value.Value + 1 == upper.Value.Value)
        {
            return "[" + lower.Value.Label + "]";
        }

        return "[" + lower.Value.Label + ", " + upper.Value.Label + ")";
    }

    // Boundary m of a log2 histogram: the lower bound of bucket m + 1 and the upper bound of bucket m.
    private HistogramBound Log2Boundary(int m)
    {
        int k = Bits;
        if (m <= (2 << k))
        {
            return new HistogramBound(m, m.ToString(System.Globalization.CultureInfo.InvariantCulture), IsPlain: true);
        }

        int n = 1 << k;
        int interval = m & (n - 1);
        int power = (m >> k) - 1;
        Int128 value = (Int128)(n + interval) << power;
        int decade = power / 10;
        long shown = (long)(n + interval) << (power - (10 * decade));
        string label = shown.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (decade > 0)
        {
            label += "KMGTPE"[decade - 1];
        }

        return new HistogramBound(value, label, IsPlain: false);
    }

    private HistogramBound LinearBoundary(int m)
    {
        long number = Min + (m * Step);
        string text = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        const long kilo = 1024;
        const long mega = 1024 * 1024;
        if (Step % kilo != 0)
        {
            return new HistogramBound(number, text, IsPlain: true);
        }

        if (number != 0 && number % mega == 0)
        {
            text = (number / mega).ToString(System.Globalization.CultureInfo.InvariantCulture) + "M";
        }
        else if (number != 0 && number % kilo == 0)
        {
            text = (number / kilo).ToString(System.Globalization.CultureInfo.InvariantCulture) + "K";
        }

        return new HistogramBound(number, text, IsPlain: false);
    }

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)BucketCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"bucket index must be below {BucketCount}");
        }
    }
}
