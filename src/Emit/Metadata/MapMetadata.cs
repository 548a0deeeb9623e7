namespace BtLang.Emit.Metadata;

/// <summary>One script map (<c>@name</c>) as compiled: how to find it in the object and how to decode and print it.</summary>
public sealed record MapMetadata
{
    /// <summary>Script name including the <c>@</c>: <c>@</c>, <c>@start</c>.</summary>
    public required string Name { get; init; }

    /// <summary>BPF map name in the object (at most 15 characters), e.g. <c>AT_start</c>.</summary>
    public required string BpfName { get; init; }

    /// <summary>Key layout; <see cref="RuntimeTypeKind.None"/> for scalar maps (stored under a single zero u64 key).</summary>
    public required RuntimeType Key { get; init; }

    /// <summary>Value layout for <see cref="AggregateKind.None"/>; for aggregates, the type of the argument (informational).</summary>
    public required RuntimeType Value { get; init; }

    public AggregateKind Aggregate { get; init; }

    public bool IsPerCpu { get; init; }

    /// <summary>True when the script has no key for this map (<c>@x = 1</c>); printed as <c>@x: 1</c>.</summary>
    public bool IsScalar { get; init; }

    /// <summary>BPF map type: <c>hash</c>, <c>percpu_hash</c>, <c>lru_hash</c>, <c>lru_percpu_hash</c>, <c>array</c>, <c>percpu_array</c>.</summary>
    public required string BpfMapType { get; init; }

    /// <summary>
    /// <see cref="BpfMapType"/> of a keyless count/min/max/avg/stats map kept in a one-slot per-CPU array, or of a
    /// keyless hist/lhist kept in a per-CPU array with one slot per bucket (key: the u32 bucket index). Slots always
    /// exist; slots that are zero on every CPU mean the map has no value yet.
    /// </summary>
    public const string PercpuArrayType = "percpu_array";

    public int MaxEntries { get; init; }

    /// <summary>Size in bytes of one CPU's value slot as stored in the BPF map.</summary>
    public int ValueSize { get; init; }

    /// <summary>
    /// Size in bytes of the BPF map key. Scalar maps use one u64 zero key. The script key is padded to 8 bytes; for
    /// hist/lhist (<see cref="BucketInKey"/>) a u64 bucket index follows it and each BPF value is one u64 counter,
    /// so user space groups the entries by script key to rebuild the bucket arrays AggregateKind describes.
    /// </summary>
    public int KeySize { get; init; }

    /// <summary>True for hist/lhist maps: the BPF key is (script key, u64 bucket) and the value a u64 count.</summary>
    public bool BucketInKey { get; init; }

    /// <summary>Number of u64 buckets of a hist/lhist value.</summary>
    public int Buckets { get; init; }

    /// <summary>log2 sub-bucket bits of <c>hist(v, k)</c> (0 for plain <c>hist(v)</c>).</summary>
    public int HistBits { get; init; }

    public long LHistMin { get; init; }

    public long LHistMax { get; init; }

    public long LHistStep { get; init; }

    /// <summary>tseries: nanoseconds per interval (the interval count is <see cref="Buckets"/>). The BPF key is (script
    /// key, u64 slot = epoch % count) and each per-CPU value is (i64 value, u64 meta, u64 epoch), epoch being the
    /// CLOCK_TAI time divided by the interval; meta is the write time (no aggregation), the count (avg) or is-set (min/max).</summary>
    public long TSeriesIntervalNs { get; init; }

    /// <summary>tseries: <c>none</c>, <c>avg</c>, <c>max</c>, <c>min</c> or <c>sum</c>; null for other maps.</summary>
    public string? TSeriesFunction { get; init; }
}
