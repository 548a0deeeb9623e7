using BtLang.Semantics.ProbeCatalog;
using BtLang.Semantics.ProbeCatalog.Providers;
using BtLang.Semantics.Probes;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal sealed partial class Binder
{
    /// <summary>
    /// The attach points of a probe, in the groups that need a program each: one group normally; one per distinct
    /// tracepoint format when the body uses <c>args</c> and the tracepoints' fields differ (as bpftrace does). Wildcards
    /// are expanded for this, so <c>sys_enter_read*</c> gets one program per format among the tracepoints it matches;
    /// a field then has to exist in every group, and the error for a group that lacks it names its tracepoint.
    /// </summary>
    private List<IReadOnlyList<AttachPointChoice>?> AttachPointGroups(ProbeSyntax probe)
    {
        var single = new List<IReadOnlyList<AttachPointChoice>?> { null };
        // Cheap tests first: walking the body for `args` is the expensive one, and most probes have one plain attach point.
        if (probe.AttachPoints.Count < 2 && !probe.AttachPoints.Any(HasWildcard) || !UsesArgs(probe) || Catalog is not { } catalog)
        {
            return single;
        }

        var groups = new List<(string Signature, List<AttachPointChoice> Points)>();
        foreach (var attach in probe.AttachPoints)
        {
            string text = string.Concat(attach.Tokens.Select(t => t.Text));
            var point = AttachPointParser.Parse(text, attach.Span, out _);
            if (point is not { Provider: ProbeProviderKind.Tracepoint })
            {
                return single;
            }

            foreach (var (choice, tracepoint) in Expand(catalog, attach, point))
            {
                if (tracepoint is null)
                {
                    return single; // unknown tracepoint or no match: binding the probe as written reports it
                }

                string signature = string.Join(";", tracepoint.Fields.Select(f => $"{f.Name}:{f.TypeText}:{f.Offset}:{f.Size}"));
                var group = groups.FirstOrDefault(g => g.Signature == signature);
                if (group.Points is null)
                {
                    groups.Add((signature, new List<AttachPointChoice> { choice }));
                }
                else
                {
                    group.Points.Add(choice);
                }
            }
        }

        return groups.Count <= 1 ? single : groups.Select(g => (IReadOnlyList<AttachPointChoice>?)g.Points).ToList();
    }

    private static bool UsesArgs(ProbeSyntax probe) =>
        probe.DescendantNodes().OfType<IdentifierExpressionSyntax>().Any(i => i.Identifier.Text == "args");

    private static bool HasWildcard(AttachPointSyntax attach) =>
        attach.Tokens.Any(t => t.Text.AsSpan().IndexOfAny("*?{[") >= 0);

    /// <summary>The tracepoints one attach point names, each with its format (null when it cannot be read).</summary>
    private static IEnumerable<(AttachPointChoice Choice, ProbeCatalog.Tracepoints.TracepointEvent? Tracepoint)> Expand(IProbeCatalog catalog, AttachPointSyntax attach, AttachPoint point)
    {
        if (!point.HasWildcard)
        {
            yield return (new AttachPointChoice(attach, null), catalog.GetTracepoint(point.Target!, point.Function!));
            yield break;
        }

        var category = ProbeCatalog.Wildcards.WildcardPattern.Parse(point.Target!);
        var name = ProbeCatalog.Wildcards.WildcardPattern.Parse(point.Function!);
        bool any = false;
        foreach (var tracepoint in catalog.Tracepoints)
        {
            if (category.IsMatch(tracepoint.Category) && name.IsMatch(tracepoint.Name))
            {
                any = true;
                yield return (new AttachPointChoice(attach, $"tracepoint:{tracepoint.Category}:{tracepoint.Name}"), catalog.GetTracepoint(tracepoint.Category, tracepoint.Name));
            }
        }

        if (!any)
        {
            yield return (new AttachPointChoice(attach, null), null);
        }
    }
}
