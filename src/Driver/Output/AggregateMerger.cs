using System.Buffers.Binary;
using System.Collections.Immutable;
using BtLang.Emit.Metadata;
using BtLang.Semantics.Formatting;

namespace BtLang.Driver.Output;

/// <summary>
/// Merges the value slots of one map entry (one slot per CPU for per-CPU maps, as returned by a per-CPU map lookup:
/// each slot rounded up to 8 bytes) into one value, following the layouts documented on <see cref="AggregateKind"/>:
/// count/sum summed; min/max over the CPUs whose "is set" flag is non-zero; avg/stats totals and counts summed;
/// hist/lhist bucket counters summed.
/// </summary>
public static class AggregateMerger
{
    /// <summary>Bytes of one CPU's value as stored in BPF (<see cref="MapMetadata.ValueSize"/>, or derived from the aggregate).</summary>
    public static int SlotSize(MapMetadata map)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (map.ValueSize > 0)
        {
            return map.ValueSize;
        }

        return map.Aggregate switch
        {
            AggregateKind.None => map.Value.Size,
            AggregateKind.Count or AggregateKind.Sum => 8,
            AggregateKind.Min or AggregateKind.Max or AggregateKind.Avg or AggregateKind.Stats => 16,
            AggregateKind.Hist or AggregateKind.LHist => LayoutOf(map).BucketCount * 8,
            _ => map.Value.Size,
        };
    }

    /// <summary>Distance between two CPUs' slots in a per-CPU lookup result (the slot size rounded up to 8).</summary>
    public static int SlotStride(MapMetadata map) => (SlotSize(map) + 7) & ~7;

    /// <summary>Bytes a lookup of one entry returns: one slot, or <paramref name="cpuCount"/> strided slots for per-CPU maps.</summary>
    public static int ValueBufferSize(MapMetadata map, int cpuCount) =>
        map.IsPerCpu ? SlotStride(map) * cpuCount : SlotSize(map);

    /// <summary>The bucket layout of a hist/lhist map.</summary>
    public static HistogramLayout LayoutOf(MapMetadata map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return map.Aggregate switch
        {
            AggregateKind.Hist => HistogramLayout.Log2(map.HistBits),
            AggregateKind.LHist => HistogramLayout.Linear(map.LHistMin, map.LHistMax, map.LHistStep),
            _ => throw new ArgumentException($"map {map.Name} is not a histogram", nameof(map)),
        };
    }

    /// <summary>True when sum/min/max/avg/stats values of this map are signed (the argument's type says so).</summary>
    public static bool IsSigned(MapMetadata map) =>
        map.Value.Kind is RuntimeTypeKind.Integer or RuntimeTypeKind.Enum ? map.Value.IsSigned : true;

    /// <summary>
    /// Merges the slots in <paramref name="values"/> (<see cref="ValueBufferSize"/> bytes) into one value. Plain
    /// (<see cref="AggregateKind.None"/>) values are decoded from the first slot, except per-CPU integers, which are summed.
    /// </summary>
    public static Value Merge(MapMetadata map, ReadOnlySpan<byte> values, int cpuCount, ValueDecoder decoder)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(decoder);
        int slots = map.IsPerCpu ? Math.Max(1, cpuCount) : 1;
        int stride = map.IsPerCpu ? SlotStride(map) : SlotSize(map);
        int needed = ((slots - 1) * stride) + SlotSize(map);
        if (values.Length < needed)
        {
            throw new ArgumentException($"map {map.Name}: value buffer has {values.Length} bytes, {needed} needed", nameof(values));
        }

        bool signed = IsSigned(map);
        switch (map.Aggregate)
        {
            case AggregateKind.None:
                if (slots > 1 && map.Value.Kind == RuntimeTypeKind.Integer)
                {
                    long sum = 0;
                    for (int cpu = 0; cpu < slots; cpu++)
                    {
                        sum = unchecked(sum + ValueDecoder.ReadInteger(values[(cpu * stride)..], map.Value.Size, map.Value.IsSigned));
                    }

                    return new IntegerValue(sum, map.Value.IsSigned);
                }

                return decoder.Decode(map.Value, values);

            case AggregateKind.Count:
            {
                ulong count = 0;
                for (int cpu = 0; cpu < slots; cpu++)
                {
                    count = unchecked(count + BinaryPrimitives.ReadUInt64LittleEndian(values[(cpu * stride)..]));
                }

                return new CountValue(count);
            }

            case AggregateKind.Sum:
            {
                long total = 0;
                for (int cpu = 0; cpu < slots; cpu++)
                {
                    total = unchecked(total + BinaryPrimitives.ReadInt64LittleEndian(values[(cpu * stride)..]));
                }

                return new SumValue(total, signed);
            }

            case AggregateKind.Min:
            case AggregateKind.Max:
            {
                bool isMax = map.Aggregate == AggregateKind.Max;
                bool set = false;
                long best = 0;
                for (int cpu = 0; cpu < slots; cpu++)
                {
                    var slot = values[(cpu * stride)..];
                    if (BinaryPrimitives.ReadUInt64LittleEndian(slot[8..]) == 0)
                    {
                        continue;
                    }

                    long v = BinaryPrimitives.ReadInt64LittleEndian(slot);
                    if (!set || Better(v, best, isMax, signed))
                    {
                        best = v;
                        set = true;
                    }
                }

                return new MinMaxValue(best, set, isMax, signed);
            }

            case AggregateKind.Avg:
            case AggregateKind.Stats:
            {
                long total = 0;
                ulong count = 0;
                for (int cpu = 0; cpu < slots; cpu++)
                {
                    var slot = values[(cpu * stride)..];
                    total = unchecked(total + BinaryPrimitives.ReadInt64LittleEndian(slot));
                    count = unchecked(count + BinaryPrimitives.ReadUInt64LittleEndian(slot[8..]));
                }

                return map.Aggregate == AggregateKind.Avg
                    ? new AverageValue(total, count, signed)
                    : new StatsValue(total, count, signed);
            }

            case AggregateKind.Hist:
            case AggregateKind.LHist:
            {
                var layout = LayoutOf(map);
                int buckets = map.Buckets > 0 ? Math.Min(map.Buckets, layout.BucketCount) : layout.BucketCount;
                var counts = new ulong[layout.BucketCount];
                for (int cpu = 0; cpu < slots; cpu++)
                {
                    var slot = values[(cpu * stride)..];
                    for (int b = 0; b < buckets; b++)
                    {
                        counts[b] = unchecked(counts[b] + BinaryPrimitives.ReadUInt64LittleEndian(slot[(b * 8)..]));
                    }
                }

                return new HistogramValue(layout, ImmutableArray.Create(counts));
            }

            default:
                throw new ArgumentException($"unknown aggregate {map.Aggregate}", nameof(map));
        }
    }

    private static bool Better(long candidate, long best, bool isMax, bool signed)
    {
        int cmp = signed ? candidate.CompareTo(best) : unchecked((ulong)candidate).CompareTo(unchecked((ulong)best));
        return isMax ? cmp > 0 : cmp < 0;
    }
}
