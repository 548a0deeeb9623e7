using System.Collections.Immutable;
using System.Text;
using BtLang.Driver.Output;
using BtLang.Emit.Metadata;

namespace BtLang.Driver.Tests.Output;

/// <summary>
/// tseries() values: merging the BPF slots (TimeSeriesBuilder) and printing them as bpftrace 0.26 does
/// (text graph of src/output/text.cpp; JSON objects with interval_start and value).
/// </summary>
public sealed class TimeSeriesOutputTests
{
    private const long Second = 1_000_000_000;

    // 2026-01-02T03:04:05Z
    private static readonly long Base = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).ToUnixTimeSeconds() * Second;

    private static TimeSeriesValue Series(long step, params long?[] values) =>
        new(values.Select((v, i) => new TimeSeriesPoint(Base + (i * step), v)).ToImmutableArray(), IsSigned: true, LatestEpoch: 0);

    private static string Text(TimeSeriesValue series)
    {
        var sb = new StringBuilder();
        TimeSeriesText.Append(sb, series, TimeZoneInfo.Utc);
        return sb.ToString();
    }

    [Fact]
    public void Values_sit_between_the_smallest_and_the_largest_one_missing_intervals_print_a_dash()
    {
        string expected =
            "             2                                                   5\n" +
            "hh:mm:ss.ms  |___________________________________________________|\n" +
            "03:04:05.000 *                                                   | 2\n" +
            "03:04:05.001 |                *                                  | 3\n" +
            "03:04:05.002 |                                                   | -\n" +
            "03:04:05.003 |                                                   * 5\n" +
            "             v___________________________________________________v\n" +
            "             2                                                   5\n";
        Assert.Equal(expected, Text(Series(1_000_000, 2, 3, null, 5)));
    }

    [Fact]
    public void Whole_second_intervals_have_no_fraction_and_a_flat_series_widens_its_range()
    {
        string expected =
            "         6                                                   8\n" +
            "hh:mm:ss |___________________________________________________|\n" +
            "03:04:05 |                         *                         | 7\n" +
            "03:04:07 |                         *                         | 7\n" +
            "         v___________________________________________________v\n" +
            "         6                                                   8\n";
        Assert.Equal(expected, Text(Series(2 * Second, 7, 7)));
    }

    [Fact]
    public void A_single_interval_shows_nanoseconds()
    {
        string expected =
            "                   -1                                                  1\n" +
            "hh:mm:ss.ns        |___________________________________________________|\n" +
            "03:04:05.000000000 |                         *                         | 0\n" +
            "                   v___________________________________________________v\n" +
            "                   -1                                                  1\n";
        Assert.Equal(expected, Text(Series(Second, 0)));
    }

    [Fact]
    public void Json_lists_interval_starts_and_values()
    {
        var sb = new StringBuilder();
        TimeSeriesText.AppendJson(sb, Series(Second, 4, null), TimeZoneInfo.Utc);
        Assert.Equal(
            "[{\"interval_start\": \"2026-01-02T03:04:05.000000000\", \"value\": 4},{\"interval_start\": \"2026-01-02T03:04:06.000000000\", \"value\": null}]",
            sb.ToString());
    }

    private static MapMetadata TSeriesMap(string function, int intervals, bool scalar = false) => new()
    {
        Name = "@ts",
        BpfName = "AT_ts",
        Key = scalar ? RuntimeType.None : RuntimeType.Int64,
        Value = RuntimeType.Int(8, signed: true),
        Aggregate = AggregateKind.TSeries,
        IsPerCpu = true,
        IsScalar = scalar,
        BpfMapType = "percpu_hash",
        KeySize = scalar ? 8 : 16,
        ValueSize = 24,
        BucketInKey = true,
        Buckets = intervals,
        TSeriesIntervalNs = Second,
        TSeriesFunction = function,
    };

    private static byte[] Key(long k) => BitConverter.GetBytes(k);

    private static TimeSeriesValue Only(MapSnapshot snapshot, long key) =>
        (TimeSeriesValue)snapshot.Entries.Single(e => ((IntegerValue)e.Key).Bits == key).Value;

    [Fact]
    public void Builder_keeps_the_latest_write_per_interval_without_aggregation_and_windows_the_map()
    {
        var builder = new TimeSeriesBuilder(TSeriesMap("none", intervals: 3), taiToRealtimeNanoseconds: -37 * Second);
        builder.Add(Key(1), 10, meta: 5, epoch: 100);   // older than the window (newest epoch 104, 3 kept)
        builder.Add(Key(1), 11, meta: 6, epoch: 102);   // CPU 0
        builder.Add(Key(1), 12, meta: 9, epoch: 102);   // CPU 1, written later: wins
        builder.Add(Key(1), 13, meta: 1, epoch: 104);
        builder.Add(Key(2), 20, meta: 1, epoch: 103);
        builder.Add(Key(2), 99, meta: 1, epoch: 0);     // never written
        var snapshot = builder.Build(new ValueDecoder(new FakeSymbolResolver()));
        Assert.Equal(new long?[] { 12, null, 13 }, Only(snapshot, 1).Points.Select(p => p.Value));
        Assert.Equal((102 * Second) - (37 * Second), Only(snapshot, 1).Points[0].StartUnixNanoseconds);
        // Key 2 starts at its first interval and runs to the map's newest one.
        Assert.Equal(new long?[] { 20, null }, Only(snapshot, 2).Points.Select(p => p.Value));
        Assert.Equal(104UL, Only(snapshot, 1).LatestEpoch);
    }

    [Theory]
    [InlineData("sum", 7)]
    [InlineData("avg", 2)]
    [InlineData("min", -4)]
    [InlineData("max", 11)]
    public void Builder_merges_cpus_with_the_aggregation(string function, long expected)
    {
        var builder = new TimeSeriesBuilder(TSeriesMap(function, intervals: 2, scalar: true), 0);
        // avg slots carry (sum, count); min/max slots (value, is-set).
        bool avg = function == "avg";
        builder.Add(ReadOnlySpan<byte>.Empty, avg ? 3 : -4, meta: avg ? 2UL : 1UL, epoch: 7);
        builder.Add(ReadOnlySpan<byte>.Empty, avg ? 4 : 11, meta: avg ? 1UL : 1UL, epoch: 7);
        var snapshot = builder.Build(new ValueDecoder(new FakeSymbolResolver()));
        var series = (TimeSeriesValue)Assert.Single(snapshot.Entries).Value;
        Assert.Equal(new long?[] { expected }, series.Points.Select(p => p.Value));
    }

    [Fact]
    public void Maps_print_with_a_header_and_a_blank_line_and_json_type_tseries()
    {
        var builder = new TimeSeriesBuilder(TSeriesMap("sum", intervals: 2, scalar: true), 0);
        builder.Add(ReadOnlySpan<byte>.Empty, 5, 0, epoch: 1);
        var snapshot = builder.Build(new ValueDecoder(new FakeSymbolResolver()));
        string text = TestMaps.Text(w => w.PrintMap(snapshot));
        Assert.StartsWith("@ts:\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\n\n", text, StringComparison.Ordinal);
        Assert.Contains("| 5\n", text, StringComparison.Ordinal);
        string json = TestMaps.Json(w => w.PrintMap(snapshot));
        Assert.StartsWith("{\"type\": \"tseries\", \"data\": {\"@ts\": [{\"interval_start\": \"", json, StringComparison.Ordinal);
        Assert.EndsWith("\", \"value\": 5}]}}\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Zeroed_keys_stay_in_the_map_and_print_no_data_like_bpftrace_026()
    {
        // zero() leaves every element with epoch 0 on every CPU: bpftrace 0.26 still lists the keys (epoch 0, value 0)
        // and, as every key's newest epoch is 0, its window wraps past its end: each series is empty, "<no data>".
        var builder = new TimeSeriesBuilder(TSeriesMap("sum", intervals: 3), 0);
        builder.AddUnwritten(Key(2));
        builder.AddUnwritten(Key(1));
        builder.AddUnwritten(Key(1)); // another interval slot of key 1
        var snapshot = builder.Build(new ValueDecoder(new FakeSymbolResolver()));
        Assert.Equal("@ts[1]:\n<no data>\n@ts[2]:\n<no data>\n", TestMaps.Text(w => w.PrintMap(snapshot)));
        Assert.Equal("{\"type\": \"tseries\", \"data\": {\"@ts\": {\"1\": [], \"2\": []}}}\n", TestMaps.Json(w => w.PrintMap(snapshot)));

        var scalar = new TimeSeriesBuilder(TSeriesMap("none", intervals: 2, scalar: true), 0);
        scalar.AddUnwritten(ReadOnlySpan<byte>.Empty);
        Assert.Equal("@ts:\n<no data>\n", TestMaps.Text(w => w.PrintMap(scalar.Build(new ValueDecoder(new FakeSymbolResolver())))));
    }

    [Fact]
    public void A_zeroed_key_next_to_newer_data_shows_one_empty_interval_with_a_null_range()
    {
        // After zero(), key 1 is written again (epoch 50) and key 2 is not: bpftrace's window is epochs 49..50, and
        // key 2 (only epoch 0) gets the one interval at the newest epoch, empty; its range has no value: "null".
        var builder = new TimeSeriesBuilder(TSeriesMap("sum", intervals: 2), 0);
        builder.AddUnwritten(Key(2));
        builder.AddUnwritten(Key(1));
        builder.Add(Key(1), 7, meta: 0, epoch: 50);
        var snapshot = builder.Build(new ValueDecoder(new FakeSymbolResolver()));
        Assert.Equal(new long?[] { 7 }, Only(snapshot, 1).Points.Select(p => p.Value));
        var zeroed = Only(snapshot, 2);
        Assert.Equal(new long?[] { null }, zeroed.Points.Select(p => p.Value));
        Assert.Equal(50 * Second, zeroed.Points[0].StartUnixNanoseconds);
        string expected =
            "                   null                                             null\n" +
            "hh:mm:ss.ns        |___________________________________________________|\n" +
            "00:00:50.000000000 |                                                   | -\n" +
            "                   v___________________________________________________v\n" +
            "                   null                                             null\n";
        var sb = new StringBuilder();
        TimeSeriesText.Append(sb, zeroed, TimeZoneInfo.Utc);
        Assert.Equal(expected, sb.ToString());

        // Sorted from least to most recently written: the zeroed key first.
        Assert.Equal(new long[] { 2, 1 }, MapOrdering.Sort(snapshot).Select(e => ((IntegerValue)e.Key).Bits));
    }

    [Fact]
    public void A_one_interval_map_zeroed_shows_epoch_zero_with_value_zero_as_bpftrace_026_does()
    {
        // With num_intervals 1 the window of a map whose newest epoch is 0 is [0, 0]: bpftrace prints that interval
        // (the Unix epoch) with the 0 that collect_tseries_data recorded for the zeroed element.
        var builder = new TimeSeriesBuilder(TSeriesMap("none", intervals: 1, scalar: true), 0);
        builder.AddUnwritten(ReadOnlySpan<byte>.Empty);
        var series = (TimeSeriesValue)Assert.Single(builder.Build(new ValueDecoder(new FakeSymbolResolver())).Entries).Value;
        Assert.Equal(new long?[] { 0 }, series.Points.Select(p => p.Value));
        Assert.Equal(0L, series.Points[0].StartUnixNanoseconds);
    }
}
