namespace BtLang.Driver.Output;

/// <summary>A <c>cgroup_path()</c> value, resolved.</summary>
public sealed record CgroupPathValue(string Path) : Value;
