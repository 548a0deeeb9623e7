using BtLang.Driver.Output;

namespace BtLang.Driver.Tests.Output;

/// <summary>cgroup_path(id, filter) keeps the hierarchies whose name matches the filter.</summary>
public sealed class CgroupPathFilterTests
{
    private const string Paths = "unified:/a/b,blkio:/,cpu:/x,cpuacct:/,systemd:/user.slice";

    [Theory]
    [InlineData(null, Paths)]
    [InlineData("unified", "unified:/a/b")]
    [InlineData("cpu*", "cpu:/x,cpuacct:/")]
    [InlineData("nomatch", "")]
    public void KeepsMatchingHierarchies(string? filter, string expected) =>
        Assert.Equal(expected, CgroupPathFilter.Apply(Paths, filter));
}
