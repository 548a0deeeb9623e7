using BtLang.Semantics.ProbeCatalog.Wildcards;

namespace BtLang.Semantics.Tests.ProbeCatalog;

public class WildcardPatternTests
{
    [Theory]
    [InlineData("sys_enter_open*", "sys_enter_openat", true)]
    [InlineData("sys_enter_open*", "sys_enter_open", true)]
    [InlineData("sys_enter_open*", "sys_exit_openat", false)]
    [InlineData("*open*", "do_sys_open", true)]
    [InlineData("sys_?nter_read", "sys_enter_read", true)]
    [InlineData("sys_?nter_read", "sys_nter_read", false)]
    [InlineData("[Ss]ched", "Sched", true)]
    [InlineData("[Ss]ched", "sched", true)]
    [InlineData("[Ss]ched", "xched", false)]
    [InlineData("[!s]ched", "xched", true)]
    [InlineData("[^s]ched", "sched", false)]
    [InlineData("sys_[a-e]*", "sys_enter", true)]
    [InlineData("sys_[a-d]*", "sys_enter", false)]
    [InlineData("sys_{enter,exit}_read", "sys_exit_read", true)]
    [InlineData("sys_{enter,exit}_read", "sys_enter_read", true)]
    [InlineData("sys_{enter,exit}_read", "sys_other_read", false)]
    [InlineData("{a,b{c,d}}x", "bdx", true)]
    [InlineData("{a,b{c,d}}x", "bx", false)]
    [InlineData("*", "", true)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("a*b*c", "aXbYbZ", false)]
    [InlineData("exact", "exact", true)]
    [InlineData("exact", "exactly", false)]
    [InlineData("[unclosed", "[unclosed", true)]
    public void Matches(string pattern, string text, bool expected)
    {
        Assert.Equal(expected, WildcardPattern.Parse(pattern).IsMatch(text));
    }

    [Fact]
    public void Reports_literal_patterns_and_prefix()
    {
        Assert.True(WildcardPattern.Parse("sys_enter_read").IsLiteral);
        var pattern = WildcardPattern.Parse("sys_enter_*");
        Assert.False(pattern.IsLiteral);
        Assert.Equal("sys_enter_", pattern.LiteralPrefix);
        Assert.True(WildcardPattern.HasWildcards("a{b,c}"));
        Assert.False(WildcardPattern.HasWildcards("/usr/lib/libc.so.6"));
    }

    [Fact]
    public void Filter_keeps_order()
    {
        var result = WildcardPattern.Parse("b*").Filter(["b2", "a", "b1"]).ToArray();
        Assert.Equal(["b2", "b1"], result);
    }
}
