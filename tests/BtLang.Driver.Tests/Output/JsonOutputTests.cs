using System.Text.Json;
using BtLang.Driver.Output;
using BtLang.Emit.Metadata;
using BtLang.Semantics.Formatting;
using static BtLang.Driver.Tests.Output.TestMaps;

namespace BtLang.Driver.Tests.Output;

/// <summary>Golden JSON output: BPFTRACE.md §2.6 in bpftrace 0.26's shapes (json.cpp spacing).</summary>
public class JsonOutputTests
{
    [Fact]
    public void Fmt1_exit_dump_matches_bpftrace_0_26()
    {
        string json = Json(w => w.PrintExitMaps(Fmt1()));
        string[] lines = json.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            new[]
            {
                "{\"type\": \"stats\", \"data\": {\"@ak\": {\"y\": 1, \"x\": 3}}}",
                "{\"type\": \"stats\", \"data\": {\"@avg\": 15}}",
                "{\"type\": \"map\", \"data\": {\"@cnt\": {\"zsh\": 1, \"bash\": 2}}}",
                "{\"type\": \"hist\", \"data\": {\"@h\": [{\"max\": -1, \"count\": 1},{\"min\": 0, \"max\": 0, \"count\": 1},{\"min\": 1, \"max\": 1, \"count\": 1},{\"min\": 2, \"max\": 3, \"count\": 2},{\"min\": 4, \"max\": 7, \"count\": 1},{\"min\": 8, \"max\": 15, \"count\": 0},{\"min\": 16, \"max\": 31, \"count\": 1},"
                    + string.Join(",", Enumerable.Range(5, 28).Select(p => $"{{\"min\": {1L << p}, \"max\": {(1L << (p + 1)) - 1}, \"count\": {(p is 10 or 20 or 32 ? 1 : 0)}}}"))
                    + "]}}",
                "{\"type\": \"hist\", \"data\": {\"@hk\": {\"a\": [{\"min\": 4, \"max\": 7, \"count\": 1}], \"b\": [{\"min\": 64, \"max\": 127, \"count\": 1},{\"min\": 128, \"max\": 255, \"count\": 0},{\"min\": 256, \"max\": 511, \"count\": 0},{\"min\": 512, \"max\": 1023, \"count\": 1}]}}}",
                "{\"type\": \"map\", \"data\": {\"@int\": {\"-2\": 5, \"1\": 10, \"2\": 20, \"3\": 30}}}",
                "{\"type\": \"hist\", \"data\": {\"@lh\": [{\"max\": -1, \"count\": 1},{\"min\": 0, \"max\": 1, \"count\": 0},{\"min\": 2, \"max\": 3, \"count\": 2},{\"min\": 4, \"max\": 5, \"count\": 0},{\"min\": 6, \"max\": 7, \"count\": 1},{\"min\": 8, \"max\": 9, \"count\": 0},{\"min\": 10, \"count\": 1}]}}",
                "{\"type\": \"hist\", \"data\": {\"@lk\": [{\"min\": 2048, \"max\": 3071, \"count\": 1},{\"min\": 3072, \"max\": 4095, \"count\": 0},{\"min\": 4096, \"max\": 5119, \"count\": 1}]}}",
                "{\"type\": \"map\", \"data\": {\"@max\": 9}}",
                "{\"type\": \"map\", \"data\": {\"@min\": -3}}",
                "{\"type\": \"map\", \"data\": {\"@neg\": -7}}",
                "{\"type\": \"map\", \"data\": {\"@scalar\": 42}}",
                "{\"type\": \"stats\", \"data\": {\"@sk\": {\"x\": {\"count\": 1, \"average\": 3, \"total\": 3}, \"y\": {\"count\": 1, \"average\": 100, \"total\": 100}}}}",
                "{\"type\": \"stats\", \"data\": {\"@st\": {\"count\": 2, \"average\": 6, \"total\": 12}}}",
                "{\"type\": \"map\", \"data\": {\"@str\": \"hello\"}}",
                "{\"type\": \"map\", \"data\": {\"@sum\": 11}}",
                "{\"type\": \"map\", \"data\": {\"@tup\": {\"2,b\": 3, \"1,a\": 7}}}",
            },
            lines);
        Assert.DoesNotContain("\n\n", json);
        foreach (var line in lines)
        {
            using var _ = JsonDocument.Parse(line);
        }
    }

    [Fact]
    public void Keys_and_strings_are_escaped()
    {
        var map = Snapshot(Map("@k", AggregateKind.Count, Str16), (S("a\tb\"c"), new CountValue(1)));
        Assert.Equal("{\"type\": \"map\", \"data\": {\"@k\": {\"a\\tb\\\"c\": 1}}}\n", Json(w => w.PrintMap(map)));
        Assert.Equal("{\"type\": \"printf\", \"data\": \"x\\u0001\\\\y\\r\\n\"}\n", Json(w => w.Printf("x\u0001\\y\r\n")));
    }

    [Fact]
    public void Messages_have_bpftrace_shapes()
    {
        Assert.Equal(
            "{\"type\": \"attached_probes\", \"count\": 2, \"data\": {\"probes\": 2}}\n" +
            "{\"type\": \"printf\", \"data\": \"hi 1\\n\"}\n" +
            "{\"type\": \"time\", \"data\": \"2026\\n\"}\n" +
            "{\"type\": \"cat\", \"data\": \"c\"}\n" +
            "{\"type\": \"join\", \"data\": \"a b\"}\n" +
            "{\"type\": \"syscall\", \"data\": \"out\\n\"}\n" +
            "{\"type\": \"lost_events\", \"count\": 3, \"data\": {\"events\": 3}}\n",
            Json(w =>
            {
                w.AttachedProbes(2);
                w.Printf("hi 1\n");
                w.Time("2026\n");
                w.BeginExitMaps();
                w.Cat("c");
                w.Join("a b");
                w.Syscall("out\n");
                w.LostEvents(3);
            }));
    }

    [Fact]
    public void Values_have_bpftrace_shapes()
    {
        Assert.Equal("{\"type\": \"value\", \"data\": [1,\"a\"]}\n", Json(w => w.PrintValue(T(I(1), S("a")))));
        Assert.Equal("{\"type\": \"value\", \"data\": 5}\n", Json(w => w.PrintValue(I(5))));
        Assert.Equal("{\"type\": \"value\", \"data\": true}\n", Json(w => w.PrintValue(new BooleanValue(true))));
        Assert.Equal("{\"type\": \"value\", \"data\": null}\n", Json(w => w.PrintValue(NoneValue.Instance)));
        Assert.Equal("{\"type\": \"value\", \"data\": {\"m\": 2, \"n\": 3}}\n",
            Json(w => w.PrintValue(new RecordValue([new RecordField("m", I(2)), new RecordField("n", I(3))], "struct Foo"))));
        Assert.Equal("{\"type\": \"value\", \"data\": [1,2,3]}\n", Json(w => w.PrintValue(new ArrayValue([I(1), I(2), I(3)]))));
        Assert.Equal("{\"type\": \"value\", \"data\": 4096}\n", Json(w => w.PrintValue(new PointerValue(4096))));
        Assert.Equal("{\"type\": \"value\", \"data\": [97,98,-1]}\n", Json(w => w.PrintValue(new BufferValue([0x61, 0x62, 0xff]))));
        Assert.Equal("{\"type\": \"value\", \"data\": \"\\n        f+1\\n\"}\n",
            Json(w => w.PrintValue(new StackValue([new StackFrame(1, "f+1")], StackMode.Bpftrace, false))));
    }

    [Theory]
    [InlineData(9007199254740992L, true, "9007199254740992")]
    [InlineData(9007199254740993L, true, "\"9007199254740993\"")]
    [InlineData(long.MaxValue, true, "\"9223372036854775807\"")]
    [InlineData(long.MinValue, true, "-9223372036854775808")]
    [InlineData(-1L, false, "\"18446744073709551615\"")]
    [InlineData(-9007199254740993L, true, "\"-9007199254740993\"")]
    public void Integers_a_double_cannot_hold_are_strings(long bits, bool signed, string expected)
    {
        Assert.Equal("{\"type\": \"value\", \"data\": " + expected + "}\n", Json(w => w.PrintValue(new IntegerValue(bits, signed))));
    }

    [Fact]
    public void Empty_maps_emit_nothing_and_multi_keys_drop_spaces_only_between_fields()
    {
        Assert.Equal(string.Empty, Json(w => w.PrintMap(Snapshot(Map("@c", AggregateKind.Count, Str16)))));
        var map = Snapshot(Map("@t", AggregateKind.Count, new RuntimeType { Kind = RuntimeTypeKind.Tuple, Size = 32 }),
            (T(I(1), S("npm view"), T(I(3), I(4))), new CountValue(2)));
        Assert.Equal("{\"type\": \"map\", \"data\": {\"@t\": {\"1,npm view,(3,4)\": 2}}}\n", Json(w => w.PrintMap(map)));
    }

    [Fact]
    public void Hist_with_top_and_div()
    {
        var layout = HistogramLayout.Log2(0);
        var map = Snapshot(Map("@h", AggregateKind.Hist, Str16), (S("a"), Hist(layout, 1)), (S("b"), Hist(layout, 2, 2, 2, 2)));
        Assert.Equal("{\"type\": \"hist\", \"data\": {\"@h\": {\"b\": [{\"min\": 2, \"max\": 3, \"count\": 2}]}}}\n",
            Json(w => w.PrintMap(map, top: 1, div: 2)));
    }
}
