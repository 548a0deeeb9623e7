using System.Collections.Immutable;
using BtLang.Driver.Output;
using BtLang.Emit.Metadata;
using static BtLang.Driver.Tests.Output.TestMaps;

namespace BtLang.Driver.Tests.Output;

/// <summary>
/// <c>print(@m, top, div)</c> divides the same numbers in text and JSON, as bpftrace 0.26 does (it formats a value once,
/// with the divisor, for both outputs): integers (also inside tuples, records and arrays), count, sum, min, max, avg,
/// the average of stats (not its count or total) and log2 histogram counts; never keys, strings or lhist counts.
/// </summary>
public sealed class PrintDivisionTests
{
    private static readonly RuntimeType Tuple = new() { Kind = RuntimeTypeKind.Tuple, Size = 24 };

    [Fact]
    public void Plain_integers_are_divided_in_text_and_json()
    {
        var map = Snapshot(Map("@m", AggregateKind.None, RuntimeType.Int64), (I(4), I(40)), (I(1), I(1)), (I(3), I(-35)), (I(2), I(25)));
        Assert.Equal("@m[1]: 0\n@m[2]: 2\n@m[4]: 4\n", Text(w => w.PrintMap(map, top: 3, div: 10)));
        Assert.Equal("{\"type\": \"map\", \"data\": {\"@m\": {\"1\": 0, \"2\": 2, \"4\": 4}}}\n", Json(w => w.PrintMap(map, top: 3, div: 10)));
    }

    [Fact]
    public void Negative_values_truncate_toward_zero()
    {
        var map = Scalar(Map("@s", AggregateKind.Sum, value: RuntimeType.Int64), new SumValue(-35, IsSigned: true));
        Assert.Equal("@s: -3\n", Text(w => w.PrintMap(map, div: 10)));
        Assert.Equal("{\"type\": \"map\", \"data\": {\"@s\": -3}}\n", Json(w => w.PrintMap(map, div: 10)));
    }

    [Fact]
    public void Tuple_and_record_values_divide_their_integers_but_not_their_strings_or_keys()
    {
        var record = new RecordValue(ImmutableArray.Create(new RecordField("a", I(70)), new RecordField("b", S("x"))));
        var map = Snapshot(Map("@t", AggregateKind.None, RuntimeType.Int64, Tuple), (I(50), T(I(20), S("s"), record)));
        Assert.Equal("@t[50]: (2, s, { .a = 7, .b = x })\n", Text(w => w.PrintMap(map, div: 10)));
        Assert.Equal("{\"type\": \"map\", \"data\": {\"@t\": {\"50\": [2,\"s\",{\"a\": 7, \"b\": \"x\"}]}}}\n", Json(w => w.PrintMap(map, div: 10)));
    }

    [Fact]
    public void Stats_divide_only_the_average()
    {
        var map = Scalar(Map("@st", AggregateKind.Stats, value: RuntimeType.Int64), new StatsValue(Total: 120, Count: 2, IsSigned: true));
        Assert.Equal("@st: { .count = 2, .average = 6, .total = 120 }\n", Text(w => w.PrintMap(map, div: 10)));
        Assert.Equal("{\"type\": \"stats\", \"data\": {\"@st\": {\"count\": 2, \"average\": 6, \"total\": 120}}}\n", Json(w => w.PrintMap(map, div: 10)));
    }

    [Fact]
    public void Count_min_max_and_avg_are_divided_alike()
    {
        var count = Scalar(Map("@c", AggregateKind.Count, value: RuntimeType.Int64), new CountValue(99));
        var max = Scalar(Map("@x", AggregateKind.Max, value: RuntimeType.Int64), new MinMaxValue(250, IsSet: true, IsMax: true, IsSigned: true));
        var avg = Scalar(Map("@a", AggregateKind.Avg, value: RuntimeType.Int64), new AverageValue(Total: 300, Count: 2, IsSigned: true));
        Assert.Equal("@c: 9\n", Text(w => w.PrintMap(count, div: 10)));
        Assert.Equal("@x: 25\n", Text(w => w.PrintMap(max, div: 10)));
        Assert.Equal("@a: 15\n", Text(w => w.PrintMap(avg, div: 10)));
        Assert.Equal("{\"type\": \"map\", \"data\": {\"@c\": 9}}\n", Json(w => w.PrintMap(count, div: 10)));
        Assert.Equal("{\"type\": \"map\", \"data\": {\"@x\": 25}}\n", Json(w => w.PrintMap(max, div: 10)));
        Assert.Equal("{\"type\": \"stats\", \"data\": {\"@a\": 15}}\n", Json(w => w.PrintMap(avg, div: 10)));
    }
}
