using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary><c>@m[k] = count()</c>, <c>sum(v)</c>, <c>hist(v, 2)</c>, <c>lhist(v, 0, 100, 10)</c>, ...</summary>
internal sealed class BoundAggregateAssignment : BoundStatement
{
    public BoundAggregateAssignment(SyntaxNode syntax, BoundMapAccess target, AggregateType aggregate, BoundExpression? argument)
        : base(syntax)
    {
        Target = target;
        Aggregate = aggregate;
        Argument = argument;
    }

    public BoundMapAccess Target { get; }

    public AggregateType Aggregate { get; }

    /// <summary>The aggregated value; null for count().</summary>
    public BoundExpression? Argument { get; }
}
