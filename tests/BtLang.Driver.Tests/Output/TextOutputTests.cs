using System.Collections.Immutable;
using BtLang.Driver.Output;
using BtLang.Emit.Metadata;
using BtLang.Semantics.Formatting;
using static BtLang.Driver.Tests.Output.TestMaps;

namespace BtLang.Driver.Tests.Output;

/// <summary>Golden text output: BPFTRACE.md §2.2-2.4 samples in bpftrace 0.26's form.</summary>
public class TextOutputTests
{
    private const string Half = "@@@@@@@@@@@@@@@@@@@@@@@@@@                          ";
    private const string Full = "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@";

    [Fact]
    public void Fmt1_exit_dump_matches_bpftrace_0_26()
    {
        string expected =
            "\n\n" +
            "@ak[y]: 1\n" +
            "@ak[x]: 3\n" +
            "@avg: 15\n" +
            "@cnt[zsh]: 1\n" +
            "@cnt[bash]: 2\n" +
            "@h:\n" +
            "(..., 0)               1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |\n" +
            "[0]                    1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |\n" +
            "[1]                    1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |\n" +
            "[2, 4)                 2 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|\n" +
            "[4, 8)                 1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |\n" +
            "[8, 16)                0 |                                                    |\n" +
            "[16, 32)               1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |\n" +
            "[32, 64)               0 |                                                    |\n" +
            "[64, 128)              0 |                                                    |\n" +
            "[128, 256)             0 |                                                    |\n" +
            "[256, 512)             0 |                                                    |\n" +
            "[512, 1K)              0 |                                                    |\n" +
            "[1K, 2K)               1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |\n" +
            "[2K, 4K)               0 |                                                    |\n" +
            "[4K, 8K)               0 |                                                    |\n" +
            "[8K, 16K)              0 |                                                    |\n" +
            "[16K, 32K)             0 |                                                    |\n" +
            "[32K, 64K)             0 |                                                    |\n" +
            "[64K, 128K)            0 |                                                    |\n" +
            "[128K, 256K)           0 |                                                    |\n" +
            "[256K, 512K)           0 |                                                    |\n" +
            "[512K, 1M)             0 |                                                    |\n" +
            "[1M, 2M)               1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |\n" +
            "[2M, 4M)               0 |                                                    |\n" +
            "[4M, 8M)               0 |                                                    |\n" +
            "[8M, 16M)              0 |                                                    |\n" +
            "[16M, 32M)             0 |                                                    |\n" +
            "[32M, 64M)             0 |                                                    |\n" +
            "[64M, 128M)            0 |                                                    |\n" +
            "[128M, 256M)           0 |                                                    |\n" +
            "[256M, 512M)           0 |                                                    |\n" +
            "[512M, 1G)             0 |                                                    |\n" +
            "[1G, 2G)               0 |                                                    |\n" +
            "[2G, 4G)               0 |                                                    |\n" +
            "[4G, 8G)               1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |\n" +
            "\n" +
            "@hk[a]:\n" +
            "[4, 8)                 1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|\n" +
            "\n" +
            "@hk[b]:\n" +
            "[64, 128)              1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|\n" +
            "[128, 256)             0 |                                                    |\n" +
            "[256, 512)             0 |                                                    |\n" +
            "[512, 1K)              1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|\n" +
            "\n" +
            "@int[-2]: 5\n" +
            "@int[1]: 10\n" +
            "@int[2]: 20\n" +
            "@int[3]: 30\n" +
            "@lh:\n" +
            "(..., 0)               1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |\n" +
            "[0, 2)                 0 |                                                    |\n" +
            "[2, 4)                 2 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|\n" +
            "[4, 6)                 0 |                                                    |\n" +
            "[6, 8)                 1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |\n" +
            "[8, 10)                0 |                                                    |\n" +
            "[10, ...)              1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |\n" +
            "\n" +
            "@lk:\n" +
            "[2K, 3K)               1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|\n" +
            "[3K, 4K)               0 |                                                    |\n" +
            "[4K, 5K)               1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|\n" +
            "\n" +
            "@max: 9\n" +
            "@min: -3\n" +
            "@neg: -7\n" +
            "@scalar: 42\n" +
            "@sk[x]: { .count = 1, .average = 3, .total = 3 }\n" +
            "@sk[y]: { .count = 1, .average = 100, .total = 100 }\n" +
            "@st: { .count = 2, .average = 6, .total = 12 }\n" +
            "@str: hello\n" +
            "@sum: 11\n" +
            "@tup[2, b]: 3\n" +
            "@tup[1, a]: 7\n";
        Assert.Equal(expected, Text(w => w.PrintExitMaps(Fmt1())));
    }

    [Fact]
    public void Exit_dump_prints_two_newlines_even_without_maps()
    {
        Assert.Equal("\n\n", Text(w => w.PrintExitMaps([])));
    }

    [Fact]
    public void Map_named_at_alone_prints_as_at_colon()
    {
        var counts = Snapshot(Map("@", AggregateKind.Count, Str16), (S("rm"), new CountValue(6)), (S("which"), new CountValue(2)));
        Assert.Equal("@[which]: 2\n@[rm]: 6\n", Text(w => w.PrintMap(counts)));
        Assert.Equal("@: 3\n", Text(w => w.PrintMap(Scalar(Map("@", AggregateKind.Count), new CountValue(3)))));
    }

    [Fact]
    public void Keys_print_raw_and_nested_tuples_keep_parentheses()
    {
        var map = Snapshot(Map("@k", AggregateKind.Count, Str16), (S("a\tb\"c"), new CountValue(1)));
        Assert.Equal("@k[a\tb\"c]: 1\n", Text(w => w.PrintMap(map)));
        var two = Snapshot(Map("@two", AggregateKind.None, new RuntimeType { Kind = RuntimeTypeKind.Tuple, Size = 32 }),
            (T(I(1), S("x"), T(I(3), I(4))), I(1)));
        Assert.Equal("@two[1, x, (3, 4)]: 1\n", Text(w => w.PrintMap(two)));
    }

    [Fact]
    public void Print_top_and_div_follow_rule_6()
    {
        var map = Snapshot(Map("@m", AggregateKind.None, RuntimeType.Int64), (I(4), I(40)), (I(1), I(1)), (I(3), I(3)), (I(2), I(2)));
        Assert.Equal("@m[3]: 3\n@m[4]: 40\n", Text(w => w.PrintMap(map, top: 2)));
        var counts = Snapshot(Map("@c", AggregateKind.Count, RuntimeType.Int64), (I(4), new CountValue(40)), (I(1), new CountValue(1)), (I(3), new CountValue(3)), (I(2), new CountValue(2)));
        Assert.Equal("@c[3]: 0\n@c[4]: 4\n", Text(w => w.PrintMap(counts, top: 2, div: 10)));
    }

    [Fact]
    public void Empty_maps_print_nothing()
    {
        Assert.Equal(string.Empty, Text(w => w.PrintMap(Snapshot(Map("@c", AggregateKind.Count, Str16)))));
    }

    [Fact]
    public void Stack_keys_print_on_several_lines()
    {
        var stack = new StackValue(
            [new StackFrame(0xffff0001, "perf_syscall_enter+475"), new StackFrame(0xffff0002, "do_syscall_64+506")],
            StackMode.Bpftrace, IsUser: false);
        var map = Snapshot(Map("@", AggregateKind.Count, new RuntimeType { Kind = RuntimeTypeKind.KernelStack, Size = 8 }), (stack, new CountValue(120)));
        Assert.Equal("@[\n        perf_syscall_enter+475\n        do_syscall_64+506\n]: 120\n", Text(w => w.PrintMap(map)));
    }

    [Fact]
    public void Values_print_like_bpftrace_0_26()
    {
        Assert.Equal("(1, two, (3, 4))\n", Text(w => w.PrintValue(T(I(1), S("two"), T(I(3), I(4))))));
        Assert.Equal("123\n", Text(w => w.PrintValue(I(123))));
        Assert.Equal("a string\n", Text(w => w.PrintValue(S("a string"))));
        Assert.Equal("true\n", Text(w => w.PrintValue(new BooleanValue(true))));
        Assert.Equal("false\n", Text(w => w.PrintValue(new BooleanValue(false))));
        var record = new RecordValue([new RecordField("a", I(1)), new RecordField("b", S("x"))]);
        Assert.Equal("{ .a = 1, .b = x }\n", Text(w => w.PrintValue(record)));
        Assert.Equal("{}\n", Text(w => w.PrintValue(new RecordValue([]))));
        var structValue = new RecordValue([new RecordField("m", I(2)), new RecordField("n", I(3))], "struct Foo");
        Assert.Equal("{ .m = 2, .n = 3 }\n", Text(w => w.PrintValue(structValue)));
        Assert.Equal("[1,2,3,4]\n", Text(w => w.PrintValue(new ArrayValue([I(1), I(2), I(3), I(4)]))));
        Assert.Equal("0x1000\n", Text(w => w.PrintValue(new PointerValue(4096))));
        Assert.Equal("ab\\x00\\xff\n", Text(w => w.PrintValue(new BufferValue([0x61, 0x62, 0, 0xff]))));
        Assert.Equal("18446744073709551615\n", Text(w => w.PrintValue(IntegerValue.Unsigned(ulong.MaxValue))));
        Assert.Equal("TASK_RUNNING\n", Text(w => w.PrintValue(new EnumValue(0, "TASK_RUNNING"))));
    }

    [Fact]
    public void Scalar_stats_avg_and_negative_averages()
    {
        Assert.Equal("@stats: { .count = 3, .average = 2, .total = 6 }\n",
            Text(w => w.PrintMap(Scalar(Map("@stats", AggregateKind.Stats), new StatsValue(6, 3, true)))));
        Assert.Equal("@: -20\n", Text(w => w.PrintMap(Scalar(Map("@", AggregateKind.Avg), new AverageValue(-41, 2, true)))));
    }

    [Fact]
    public void Min_max_and_avg_maps_sort_by_value_and_ties_by_key()
    {
        var min = Snapshot(Map("@m", AggregateKind.Min, Str16),
            (S("b"), new MinMaxValue(5, true, false, true)), (S("a"), new MinMaxValue(5, true, false, true)), (S("c"), new MinMaxValue(-9, true, false, true)));
        Assert.Equal("@m[c]: -9\n@m[a]: 5\n@m[b]: 5\n", Text(w => w.PrintMap(min)));
        var avg = Snapshot(Map("@a", AggregateKind.Avg, RuntimeType.Int64),
            (I(1), new AverageValue(100, 10, true)), (I(2), new AverageValue(3, 3, true)));
        Assert.Equal("@a[2]: 1\n@a[1]: 10\n", Text(w => w.PrintMap(avg)));
    }

    [Fact]
    public void Non_numeric_values_sort_by_key()
    {
        var map = Snapshot(Map("@s", AggregateKind.None, RuntimeType.Int64, RuntimeType.String(8)),
            (I(10), S("a")), (I(-1), S("z")), (I(2), S("m")));
        Assert.Equal("@s[-1]: z\n@s[2]: m\n@s[10]: a\n", Text(w => w.PrintMap(map)));
        var strings = Snapshot(Map("@t", AggregateKind.None, Str16, RuntimeType.String(8)),
            (S("b"), S("1")), (S("B"), S("2")), (S("a"), S("3")));
        Assert.Equal("@t[B]: 2\n@t[a]: 3\n@t[b]: 1\n", Text(w => w.PrintMap(strings)));
    }

    [Fact]
    public void Hist_top_and_div_divide_log2_counts_only()
    {
        var layout = HistogramLayout.Log2(0);
        var map = Snapshot(Map("@h", AggregateKind.Hist, Str16),
            (S("small"), Hist(layout, 1)), (S("big"), Hist(layout, Enumerable.Repeat(4L, 20).ToArray())));
        Assert.Equal(
            "@h[big]:\n" +
            "[4, 8)                 2 |" + Full + "|\n\n",
            Text(w => w.PrintMap(map, top: 1, div: 10)));
    }

    [Fact]
    public void Histogram_with_k_bits_and_long_labels()
    {
        var layout = HistogramLayout.Log2(2);
        var map = Scalar(Map("@h", AggregateKind.Hist, histBits: 2), Hist(layout, 7, 8, 9, 10));
        Assert.Equal(
            "@h:\n" +
            "[7]                    1 |" + Half + "|\n" +
            "[8, 10)                2 |" + Full + "|\n" +
            "[10, 12)               1 |" + Half + "|\n\n",
            Text(w => w.PrintMap(map)));
    }

    [Fact]
    public void Banner_and_lost_events_go_to_stderr()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var writer = new TextOutputWriter(output, errors);
        writer.AttachedProbes(1);
        writer.AttachedProbes(2);
        writer.LostEvents(5);
        Assert.Equal("Attached 1 probe\nAttached 2 probes\nLost 5 events\n", errors.ToString());
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public void Messages_print_as_given()
    {
        Assert.Equal("no-newline|13:39:25\nfile\na,b\nout\n", Text(w =>
        {
            w.Printf("no-newline|");
            w.Time("13:39:25\n");
            w.Cat("file\n");
            w.Join("a,b");
            w.Syscall("out");
        }));
    }

    [Fact]
    public void Bar_width_truncates_like_a_float_multiplication()
    {
        var layout = HistogramLayout.Linear(0, 3, 1);
        var counts = ImmutableArray.Create<ulong>(0, 1, 2, 3, 0);
        var text = Text(w => w.PrintMap(Scalar(Map("@l", AggregateKind.LHist, lmin: 0, lmax: 3, lstep: 1), new HistogramValue(layout, counts))));
        Assert.Equal(
            "@l:\n" +
            "[0]                    1 |" + new string('@', 17).PadRight(52) + "|\n" +
            "[1]                    2 |" + new string('@', 34).PadRight(52) + "|\n" +
            "[2]                    3 |" + Full + "|\n\n",
            text);
    }
}
