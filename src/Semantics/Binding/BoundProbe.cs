using BtLang.Semantics.ProbeCatalog.Providers;
using System.Collections.Immutable;
using BtLang.Semantics.Builtins;
using BtLang.Semantics.Probes;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary>One probe: its attach points, predicate and body, all bound.</summary>
internal sealed class BoundProbe : BoundNode
{
    public BoundProbe(ProbeSyntax syntax, int index, ProbeProviderKind provider, ImmutableArray<AttachPoint> attachPoints, BoundExpression? predicate, BoundBlock body)
        : base(syntax)
    {
        Index = index;
        Provider = provider;
        AttachPoints = attachPoints;
        Predicate = predicate;
        Body = body;
    }

    public int Index { get; }

    /// <summary>Provider of the first attach point (all attach points of one probe share a program type).</summary>
    public ProbeProviderKind Provider { get; }

    public ImmutableArray<AttachPoint> AttachPoints { get; }

    public BoundExpression? Predicate { get; }

    public BoundBlock Body { get; }

    public new ProbeSyntax Syntax => (ProbeSyntax)base.Syntax;
}
