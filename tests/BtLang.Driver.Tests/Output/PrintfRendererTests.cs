using System.Collections.Immutable;
using BtLang.Driver.Output;
using BtLang.Semantics.Formatting;
using static BtLang.Driver.Tests.Output.TestMaps;

namespace BtLang.Driver.Tests.Output;

/// <summary>printf with C semantics: every line of BPFTRACE.md §2.5 plus glibc corner cases.</summary>
public class PrintfRendererTests
{
    private static string Render(string format, params Value[] args)
    {
        var parsed = PrintfFormat.Parse(format);
        Assert.False(parsed.HasErrors, string.Join("; ", parsed.Errors));
        return PrintfRenderer.Render(parsed, args);
    }

    private static BufferValue Buf(string ascii) => new(System.Text.Encoding.ASCII.GetBytes(ascii).ToImmutableArray());

    [Fact]
    public void Design_sample_line_1()
    {
        Assert.Equal(
            "int=42 neg=-1 u=4294967295 hex=ff HEX=FF oct=10 lld=1234567890123 str=abc chr=A pct=% pad=[    7] left=[7    ] zero=[00007] s10=[        hi] sl=[ab    ]\n",
            Render("int=%d neg=%d u=%u hex=%x HEX=%X oct=%o lld=%lld str=%s chr=%c pct=%% pad=[%5d] left=[%-5d] zero=[%05d] s10=[%10s] sl=[%-6s]\n",
                I(42), I(-1), I(-1), I(255), I(255), I(8), I(1234567890123), S("abc"), I(65), I(7), I(7), I(7), S("hi"), S("ab")));
    }

    [Fact]
    public void Design_sample_line_2()
    {
        Assert.Equal("left      |     right|B|   ab|\n", Render("%-10s|%10s|%c|%5.2s|\n", S("left"), S("right"), I(66), S("abcdef")));
    }

    [Fact]
    public void Design_sample_line_3_length_modifiers_truncate()
    {
        Assert.Equal("1 -2 44 4464 ff 0x1000\n", Render("%lu %ld %hhd %hu %llx %p\n", I(1), I(-2), I(300), I(70000), I(255), I(4096)));
    }

    [Fact]
    public void Design_sample_buffers()
    {
        Assert.Equal("ab|\\x61\\x62\n", Render("%r|%rx\n", Buf("ab"), Buf("ab")));
        Assert.Equal("61 62 00", Render("%rh", new BufferValue([0x61, 0x62, 0x00])));
        Assert.Equal("a\\x0ab", Render("%r", new BufferValue([0x61, 0x0a, 0x62])));
    }

    [Fact]
    public void No_newline_is_added()
    {
        Assert.Equal("no-newline|", Render("no-newline|"));
    }

    [Theory]
    [InlineData("%d", 2147483648L, "-2147483648")]
    [InlineData("%ld", 2147483648L, "2147483648")]
    [InlineData("%hhu", -1L, "255")]
    [InlineData("%hd", 40000L, "-25536")]
    [InlineData("%lu", -1L, "18446744073709551615")]
    [InlineData("%lld", long.MinValue, "-9223372036854775808")]
    [InlineData("%+d", 5L, "+5")]
    [InlineData("% d", 5L, " 5")]
    [InlineData("%+d", -5L, "-5")]
    [InlineData("%#x", 255L, "0xff")]
    [InlineData("%#X", 255L, "0XFF")]
    [InlineData("%#x", 0L, "0")]
    [InlineData("%#o", 8L, "010")]
    [InlineData("%#o", 0L, "0")]
    [InlineData("%.3d", 7L, "007")]
    [InlineData("%8.3d", -7L, "    -007")]
    [InlineData("%08.3d", 7L, "     007")]
    [InlineData("%-8.3d|", 7L, "007     |")]
    [InlineData("%.0d", 0L, "")]
    [InlineData("%05d", -42L, "-0042")]
    [InlineData("%#010x", 255L, "0x000000ff")]
    [InlineData("%-05d|", 3L, "3    |")]
    [InlineData("%zu", 10L, "10")]
    [InlineData("%jd", -10L, "-10")]
    [InlineData("%td", -10L, "-10")]
    [InlineData("%i", 12L, "12")]
    [InlineData("%o", -1L, "37777777777")]
    [InlineData("%llo", -1L, "1777777777777777777777")]
    [InlineData("%p", 0L, "(nil)")]
    [InlineData("%18p", 4096L, "            0x1000")]
    [InlineData("%3c|", 65L, "  A|")]
    [InlineData("%-3c|", 65L, "A  |")]
    public void Integer_conversions_follow_glibc(string format, long value, string expected)
    {
        Assert.Equal(expected, Render(format, I(value)));
    }

    [Fact]
    public void String_conversion_prints_any_value_text()
    {
        var stack = new StackValue([new StackFrame(0x10, "f+1"), new StackFrame(0x20, "g+2")], StackMode.Bpftrace, false);
        Assert.Equal("[\n        f+1\n        g+2\n]", Render("[%s]", stack));
        var perf = new StackValue([new StackFrame(0x10, "f+1")], StackMode.Perf, false);
        Assert.Equal("\n\t10 f+1\n", Render("%s", perf));
        var raw = new StackValue([new StackFrame(0xff, "")], StackMode.Raw, true);
        Assert.Equal("\nff\n", Render("%s", raw));
        Assert.Equal("do_sys_open 1.2.3.4 12:00:00 TASK_RUNNING /cg root BEGIN",
            Render("%s %s %s %s %s %s %s", new SymbolValue(1, "do_sys_open"), new InetValue(2, "1.2.3.4"), new TimestampValue("12:00:00"),
                new EnumValue(0, "TASK_RUNNING"), new CgroupPathValue("/cg"), new UserNameValue("root"), new ProbeNameValue("BEGIN")));
        Assert.Equal("7 (1, a)", Render("%s %s", new EnumValue(7, null), T(I(1), S("a"))));
        Assert.Equal("[  abc]", Render("[%5.3s]", S("abcdef")));
    }

    [Fact]
    public void Enum_and_bool_values_print_as_numbers_with_d()
    {
        Assert.Equal("3 1", Render("%d %d", new EnumValue(3, "C"), new BooleanValue(true)));
    }
}
