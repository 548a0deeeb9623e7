using BtLang.Semantics.Formatting;

namespace BtLang.Semantics.Tests.Formatting;

public class PrintfFormatTests
{
    [Fact]
    public void Literal_only_has_one_segment_and_no_arguments()
    {
        var f = PrintfFormat.Parse("hello\n");
        var literal = Assert.IsType<PrintfLiteral>(Assert.Single(f.Segments));
        Assert.Equal("hello\n", literal.Text);
        Assert.Equal(0, f.ArgumentCount);
        Assert.False(f.HasErrors);
    }

    [Fact]
    public void Percent_percent_becomes_literal_percent()
    {
        var f = PrintfFormat.Parse("100%% done %d%%");
        Assert.Equal(3, f.Segments.Length);
        Assert.Equal("100% done ", ((PrintfLiteral)f.Segments[0]).Text);
        Assert.Equal("%", ((PrintfLiteral)f.Segments[2]).Text);
        Assert.Equal(1, f.ArgumentCount);
    }

    [Theory]
    [InlineData("%d", PrintfConversion.SignedDecimal)]
    [InlineData("%i", PrintfConversion.SignedDecimal)]
    [InlineData("%u", PrintfConversion.UnsignedDecimal)]
    [InlineData("%x", PrintfConversion.HexLower)]
    [InlineData("%X", PrintfConversion.HexUpper)]
    [InlineData("%o", PrintfConversion.Octal)]
    [InlineData("%s", PrintfConversion.String)]
    [InlineData("%c", PrintfConversion.Char)]
    [InlineData("%p", PrintfConversion.Pointer)]
    [InlineData("%r", PrintfConversion.Buffer)]
    [InlineData("%rx", PrintfConversion.BufferHex)]
    [InlineData("%rh", PrintfConversion.BufferHexSpaced)]
    public void Conversions_are_recognized(string text, PrintfConversion expected)
    {
        var spec = Assert.Single(PrintfFormat.Parse(text).Specifiers);
        Assert.Equal(expected, spec.Conversion);
        Assert.Equal(text.Length, spec.Length);
    }

    [Theory]
    [InlineData("%hhd", PrintfLengthModifier.Char, 8)]
    [InlineData("%hu", PrintfLengthModifier.Short, 16)]
    [InlineData("%d", PrintfLengthModifier.None, 32)]
    [InlineData("%ld", PrintfLengthModifier.Long, 64)]
    [InlineData("%llx", PrintfLengthModifier.LongLong, 64)]
    [InlineData("%zu", PrintfLengthModifier.Size, 64)]
    [InlineData("%jd", PrintfLengthModifier.IntMax, 64)]
    [InlineData("%td", PrintfLengthModifier.PtrDiff, 64)]
    [InlineData("%p", PrintfLengthModifier.None, 64)]
    public void Length_modifiers_set_the_argument_width(string text, PrintfLengthModifier length, int bits)
    {
        var spec = Assert.Single(PrintfFormat.Parse(text).Specifiers);
        Assert.Equal(length, spec.LengthModifier);
        Assert.Equal(bits, spec.ArgumentBits);
    }

    [Fact]
    public void Flags_width_and_precision_are_parsed()
    {
        var spec = Assert.Single(PrintfFormat.Parse("%-+ #012.5lld").Specifiers);
        Assert.Equal(PrintfFlags.LeftAlign | PrintfFlags.Plus | PrintfFlags.Space | PrintfFlags.Alternate | PrintfFlags.ZeroPad, spec.Flags);
        Assert.Equal(12, spec.Width);
        Assert.Equal(5, spec.Precision);
        Assert.Equal(PrintfLengthModifier.LongLong, spec.LengthModifier);
    }

    [Fact]
    public void Empty_precision_means_zero()
    {
        var spec = Assert.Single(PrintfFormat.Parse("%.s").Specifiers);
        Assert.Equal(0, spec.Precision);
        Assert.Null(spec.Width);
    }

    [Fact]
    public void Specifiers_are_numbered_in_order_with_positions()
    {
        var f = PrintfFormat.Parse("a=%d b=%5s\n");
        Assert.Equal(new[] { 0, 1 }, f.Specifiers.Select(s => s.ArgumentIndex));
        Assert.Equal(new[] { 2, 7 }, f.Specifiers.Select(s => s.Position));
        Assert.Equal(5, f.Segments.Length);
    }

    [Theory]
    [InlineData("%q", 0, 2, "invalid format specifier '%q'")]
    [InlineData("abc %", 4, 1, "incomplete format specifier")]
    [InlineData("%*d", 0, 2, "'*' field widths are not supported")]
    [InlineData("%ls", 0, 3, "length modifier not allowed")]
    [InlineData("x %5.2y", 2, 5, "invalid format specifier '%5.2y'")]
    public void Errors_are_data_with_positions(string text, int position, int length, string message)
    {
        var f = PrintfFormat.Parse(text);
        var error = Assert.Single(f.Errors);
        Assert.Equal(position, error.Position);
        Assert.Equal(length, error.Length);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Argument_count_messages_match_bpftrace()
    {
        var f = PrintfFormat.Parse("%d\n");
        Assert.Null(f.CheckArgumentCount(1));
        Assert.Equal("printf: Too many arguments for format string (2 supplied, 1 expected)", f.CheckArgumentCount(2));
        Assert.Equal("printf: Not enough arguments for format string (0 supplied, 1 expected)", f.CheckArgumentCount(0));
        Assert.Equal("system: Not enough arguments for format string (0 supplied, 1 expected)", f.CheckArgumentCount(0, "system"));
    }

    [Fact]
    public void Every_specifier_of_the_design_sample_parses()
    {
        var f = PrintfFormat.Parse("int=%d neg=%d u=%u hex=%x HEX=%X oct=%o lld=%lld str=%s chr=%c pct=%% pad=[%5d] left=[%-5d] zero=[%05d] s10=[%10s] sl=[%-6s]\n");
        Assert.False(f.HasErrors);
        Assert.Equal(14, f.ArgumentCount);
    }
}
