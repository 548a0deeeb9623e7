using BtLang.Semantics.ProbeCatalog.Wildcards;

namespace BtLang.Driver.Output;

/// <summary>The second argument of <c>cgroup_path(id, filter)</c>: keeps the hierarchies whose name matches it.</summary>
internal static class CgroupPathFilter
{
    /// <param name="paths">Comma-separated <c>name:/path</c> entries, as the resolver gives them.</param>
    /// <param name="filter">A hierarchy name or wildcard (<c>unified</c>, <c>cpu*</c>); null keeps every entry.</param>
    public static string Apply(string paths, string? filter)
    {
        if (filter is null || paths.Length == 0)
        {
            return paths;
        }

        var pattern = WildcardPattern.Parse(filter);
        return string.Join(",", paths.Split(',').Where(entry =>
        {
            int colon = entry.IndexOf(':');
            return colon > 0 && pattern.IsMatch(entry[..colon]);
        }));
    }
}
