using System.Collections.Immutable;
using BtLang.Driver.Output;
using BtLang.Emit.Metadata;
using BtLang.Semantics.Formatting;

namespace BtLang.Driver.Tests.Output;

/// <summary>Builds map metadata and decoded snapshots for formatter tests.</summary>
internal static class TestMaps
{
    public static readonly RuntimeType Str16 = RuntimeType.String(16);

    public static MapMetadata Map(string name, AggregateKind aggregate, RuntimeType? key = null, RuntimeType? value = null,
        int histBits = 0, long lmin = 0, long lmax = 0, long lstep = 0, bool perCpu = false)
    {
        key ??= RuntimeType.None;
        var map = new MapMetadata
        {
            Name = name,
            BpfName = "AT_" + name.TrimStart('@'),
            Key = key,
            Value = value ?? RuntimeType.Int64,
            Aggregate = aggregate,
            IsScalar = key.Kind == RuntimeTypeKind.None,
            IsPerCpu = perCpu,
            BpfMapType = perCpu ? "percpu_hash" : "hash",
            HistBits = histBits,
            LHistMin = lmin,
            LHistMax = lmax,
            LHistStep = lstep,
        };
        if (aggregate is AggregateKind.Hist or AggregateKind.LHist)
        {
            map = map with { Buckets = AggregateMerger.LayoutOf(map).BucketCount };
        }

        return map;
    }

    public static MapSnapshot Snapshot(MapMetadata map, params (Value Key, Value Value)[] entries) =>
        MapSnapshot.Create(map, entries.Select(e => new MapEntry(e.Key, e.Value)));

    public static MapSnapshot Scalar(MapMetadata map, Value value) => Snapshot(map, (NoneValue.Instance, value));

    public static StringValue S(string text) => new(text);

    public static IntegerValue I(long value) => IntegerValue.Signed(value);

    public static TupleValue T(params Value[] elements) => new(elements.ToImmutableArray());

    public static HistogramValue Hist(HistogramLayout layout, params long[] values)
    {
        var counts = new ulong[layout.BucketCount];
        foreach (long v in values)
        {
            counts[layout.IndexOf(v)]++;
        }

        return new HistogramValue(layout, counts.ToImmutableArray());
    }

    public static string Text(Action<IOutputWriter> print)
    {
        var output = new StringWriter { NewLine = "\n" };
        var errors = new StringWriter { NewLine = "\n" };
        using var writer = new TextOutputWriter(output, errors);
        print(writer);
        writer.Flush();
        return output.ToString();
    }

    public static string Json(Action<IOutputWriter> print)
    {
        var output = new StringWriter { NewLine = "\n" };
        using var writer = new JsonOutputWriter(output);
        print(writer);
        writer.Flush();
        return output.ToString();
    }

    /// <summary>The maps of BPFTRACE.md §2.2's samples/fmt1.bt, as bpftrace would hold them at exit.</summary>
    public static IReadOnlyList<MapSnapshot> Fmt1()
    {
        var hist = HistogramLayout.Log2(0);
        return
        [
            // Deliberately out of name order: printing sorts them.
            Scalar(Map("@sum", AggregateKind.Sum), new SumValue(11, true)),
            Snapshot(Map("@ak", AggregateKind.Avg, Str16), (S("y"), new AverageValue(1, 1, true)), (S("x"), new AverageValue(3, 1, true))),
            Scalar(Map("@avg", AggregateKind.Avg), new AverageValue(31, 2, true)),
            Snapshot(Map("@cnt", AggregateKind.Count, Str16), (S("bash"), new CountValue(2)), (S("zsh"), new CountValue(1))),
            Scalar(Map("@h", AggregateKind.Hist), Hist(hist, -1, 0, 1, 2, 3, 7, 20, 1500, 1048576, 5000000000)),
            Snapshot(Map("@hk", AggregateKind.Hist, Str16), (S("b"), Hist(hist, 100, 1000)), (S("a"), Hist(hist, 5))),
            Snapshot(Map("@int", AggregateKind.None, RuntimeType.Int64), (I(3), I(30)), (I(1), I(10)), (I(-2), I(5)), (I(2), I(20))),
            Scalar(Map("@lh", AggregateKind.LHist, lmin: 0, lmax: 10, lstep: 2), Hist(HistogramLayout.Linear(0, 10, 2), -5, 3, 3, 7, 100)),
            Scalar(Map("@lk", AggregateKind.LHist, lmin: 0, lmax: 8192, lstep: 1024), Hist(HistogramLayout.Linear(0, 8192, 1024), 3000, 5000)),
            Scalar(Map("@max", AggregateKind.Max), new MinMaxValue(9, true, true, true)),
            Scalar(Map("@min", AggregateKind.Min), new MinMaxValue(-3, true, false, true)),
            Scalar(Map("@neg", AggregateKind.None), I(-7)),
            Scalar(Map("@scalar", AggregateKind.None), I(42)),
            Snapshot(Map("@sk", AggregateKind.Stats, Str16), (S("y"), new StatsValue(100, 1, true)), (S("x"), new StatsValue(3, 1, true))),
            Scalar(Map("@st", AggregateKind.Stats), new StatsValue(12, 2, true)),
            Scalar(Map("@str", AggregateKind.None, value: RuntimeType.String(64)), S("hello")),
            Snapshot(Map("@tup", AggregateKind.None, new RuntimeType { Kind = RuntimeTypeKind.Tuple, Size = 24 }),
                (T(I(1), S("a")), I(7)), (T(I(2), S("b")), I(3))),
            Snapshot(Map("@empty", AggregateKind.Count, Str16)),
        ];
    }
}
