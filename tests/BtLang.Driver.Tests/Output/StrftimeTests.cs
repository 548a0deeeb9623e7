using BtLang.Driver.Output;

namespace BtLang.Driver.Tests.Output;

/// <summary>strftime in the C locale; expected strings come from glibc's strftime for the same times.</summary>
public class StrftimeTests
{
    private static readonly DateTime Friday = new(2026, 1, 2, 15, 4, 5, DateTimeKind.Local);

    [Theory]
    [InlineData("%a %A %b %B %h", "Fri Friday Jan January Jan")]
    [InlineData("%c", "Fri Jan  2 15:04:05 2026")]
    [InlineData("%C %d %D %e %F", "20 02 01/02/26  2 2026-01-02")]
    [InlineData("%g %G %V", "26 2026 01")]
    [InlineData("%H %I %j %k %l", "15 03 002 15  3")]
    [InlineData("%m %M %n %p %P", "01 04 \n PM pm")]
    [InlineData("%r %R %S %t %T", "03:04:05 PM 15:04 05 \t 15:04:05")]
    [InlineData("%u %U %w %W", "5 00 5 00")]
    [InlineData("%x %X %y %Y %%", "01/02/26 15:04:05 26 2026 %")]
    [InlineData("%H:%M:%S\n", "15:04:05\n")]
    public void Matches_glibc(string format, string expected)
    {
        Assert.Equal(expected, Strftime.Format(format, Friday));
    }

    [Fact]
    public void Year_end_weeks_match_glibc()
    {
        Assert.Equal("26 2026 53 52 52 365 12 12 AM", Strftime.Format("%g %G %V %U %W %j %I %l %p", new DateTime(2026, 12, 31, 0, 4, 5)));
    }

    [Fact]
    public void Microseconds_come_from_the_time_or_the_given_nanoseconds()
    {
        Assert.Equal("05.123456", Strftime.Format("%S.%f", Friday.AddTicks(1234567)));
        Assert.Equal("05.000042", Strftime.Format("%S.%f", Friday, 42_999));
    }

    [Fact]
    public void Unknown_conversions_and_a_trailing_percent_are_copied()
    {
        Assert.Equal("%Q x %", Strftime.Format("%Q x %", Friday));
    }
}
