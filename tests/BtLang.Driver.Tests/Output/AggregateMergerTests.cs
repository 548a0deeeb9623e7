using System.Buffers.Binary;
using BtLang.Driver.Output;
using BtLang.Emit.Metadata;
using BtLang.Semantics.Formatting;
using static BtLang.Driver.Tests.Output.TestMaps;

namespace BtLang.Driver.Tests.Output;

/// <summary>Merging per-CPU value slots as AggregateKind documents.</summary>
public class AggregateMergerTests
{
    private readonly ValueDecoder _decoder = new(new FakeSymbolResolver());

    /// <summary>Lays out one slot per CPU, each slot <paramref name="slotWords"/> u64 words, strided to 8 bytes.</summary>
    private static byte[] Slots(int slotWords, params long[][] cpus)
    {
        var bytes = new byte[cpus.Length * slotWords * 8];
        for (int cpu = 0; cpu < cpus.Length; cpu++)
        {
            for (int w = 0; w < cpus[cpu].Length; w++)
            {
                BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(((cpu * slotWords) + w) * 8), cpus[cpu][w]);
            }
        }

        return bytes;
    }

    [Fact]
    public void Count_and_sum_are_summed_over_cpus()
    {
        var count = Map("@c", AggregateKind.Count, perCpu: true);
        Assert.Equal(new CountValue(6), AggregateMerger.Merge(count, Slots(1, [1], [2], [3]), 3, _decoder));
        var sum = Map("@s", AggregateKind.Sum, perCpu: true);
        Assert.Equal(new SumValue(-4, true), AggregateMerger.Merge(sum, Slots(1, [10], [-14]), 2, _decoder));
    }

    [Fact]
    public void Min_and_max_ignore_cpus_that_are_not_set()
    {
        var min = Map("@m", AggregateKind.Min, perCpu: true);
        Assert.Equal(new MinMaxValue(-3, true, false, true), AggregateMerger.Merge(min, Slots(2, [0, 0], [4, 1], [-3, 1]), 3, _decoder));
        var max = Map("@x", AggregateKind.Max, perCpu: true);
        Assert.Equal(new MinMaxValue(9, true, true, true), AggregateMerger.Merge(max, Slots(2, [100, 0], [4, 1], [9, 1]), 3, _decoder));
        Assert.Equal(new MinMaxValue(0, false, true, true), AggregateMerger.Merge(max, Slots(2, [5, 0], [7, 0]), 2, _decoder));
        var unsignedMax = Map("@u", AggregateKind.Max, value: RuntimeType.UInt64, perCpu: true);
        var merged = Assert.IsType<MinMaxValue>(AggregateMerger.Merge(unsignedMax, Slots(2, [-1, 1], [5, 1]), 2, _decoder));
        Assert.Equal(-1, merged.Value);
        Assert.Equal("18446744073709551615", ValueText.ToText(merged));
    }

    [Fact]
    public void Avg_and_stats_sum_totals_and_counts()
    {
        var avg = Map("@a", AggregateKind.Avg, perCpu: true);
        var value = Assert.IsType<AverageValue>(AggregateMerger.Merge(avg, Slots(2, [10, 1], [21, 1]), 2, _decoder));
        Assert.Equal(15, value.Average);
        var stats = Map("@s", AggregateKind.Stats, perCpu: true);
        Assert.Equal("{ .count = 2, .average = 6, .total = 12 }", ValueText.ToText(AggregateMerger.Merge(stats, Slots(2, [2, 1], [10, 1], [0, 0]), 3, _decoder)));
        Assert.Equal(-20, new AverageValue(-41, 2, true).Average);
        Assert.Equal(0, new AverageValue(5, 0, true).Average);
    }

    [Fact]
    public void Hist_buckets_are_summed_per_bucket()
    {
        var map = Map("@h", AggregateKind.Hist, perCpu: true);
        int buckets = HistogramLayout.Log2BucketCount(0);
        var cpu0 = new long[buckets];
        var cpu1 = new long[buckets];
        cpu0[1] = 2;
        cpu1[1] = 3;
        cpu1[64] = 1;
        var hist = Assert.IsType<HistogramValue>(AggregateMerger.Merge(map, Slots(buckets, cpu0, cpu1), 2, _decoder));
        Assert.Equal(5UL, hist.Counts[1]);
        Assert.Equal(1UL, hist.Counts[64]);
        Assert.Equal(6UL, hist.Total);
    }

    [Fact]
    public void Lhist_layout_comes_from_the_map()
    {
        var map = Map("@l", AggregateKind.LHist, lmin: 0, lmax: 100, lstep: 10);
        Assert.Equal(12 * 8, AggregateMerger.SlotSize(map));
        var words = new long[12];
        words[11] = 4;
        var hist = Assert.IsType<HistogramValue>(AggregateMerger.Merge(map, Slots(12, words), 1, _decoder));
        Assert.Equal("[100, ...)", hist.Layout.Label(11));
        Assert.Equal(4UL, hist.Counts[11]);
    }

    [Fact]
    public void Odd_sized_per_cpu_slots_are_strided_to_eight_bytes()
    {
        var map = Map("@v", AggregateKind.None, value: RuntimeType.Int(4, true), perCpu: true) with { ValueSize = 4 };
        Assert.Equal(8, AggregateMerger.SlotStride(map));
        Assert.Equal(16, AggregateMerger.ValueBufferSize(map, 2));
        var bytes = new byte[16];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, 5);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), -2);
        Assert.Equal("3", ValueText.ToText(AggregateMerger.Merge(map, bytes, 2, _decoder)));
    }

    [Fact]
    public void Plain_values_decode_the_single_slot()
    {
        var map = Map("@s", AggregateKind.None, value: RuntimeType.String(8));
        Assert.Equal("hi", ValueText.ToText(AggregateMerger.Merge(map, "hi\0\0\0\0\0\0"u8, 1, _decoder)));
    }

    [Fact]
    public void Short_buffers_are_rejected()
    {
        var map = Map("@c", AggregateKind.Count, perCpu: true);
        Assert.Throws<ArgumentException>(() => AggregateMerger.Merge(map, new byte[8], 2, _decoder));
    }

    [Fact]
    public void Snapshot_builder_decodes_keys_and_merges_values()
    {
        var map = Map("@c", AggregateKind.Count, Str16, perCpu: true);
        var builder = new MapSnapshotBuilder(map, _decoder, cpuCount: 2);
        Assert.Equal(16, builder.ValueBufferSize);
        var key = new byte[16];
        "bash"u8.CopyTo(key);
        builder.Add(key, Slots(1, [1], [1]));
        "zsh"u8.CopyTo(key);
        key[3] = 0;
        builder.Add(key, Slots(1, [0], [1]));
        Assert.Equal("@c[zsh]: 1\n@c[bash]: 2\n", Text(w => w.PrintMap(builder.Build())));

        var scalar = new MapSnapshotBuilder(Map("@x", AggregateKind.Sum), _decoder, 1);
        scalar.Add(new byte[8], Slots(1, [42]));
        Assert.Equal("@x: 42\n", Text(w => w.PrintMap(scalar.Build())));
    }
}
