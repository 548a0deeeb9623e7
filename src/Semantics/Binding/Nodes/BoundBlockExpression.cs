using System.Collections.Immutable;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary><c>{ $t = 10; $t * 2 }</c>: statements in their own scope, then the value of the last expression.</summary>
internal sealed class BoundBlockExpression : BoundExpression
{
    public BoundBlockExpression(SyntaxNode syntax, ImmutableArray<BoundStatement> statements, BoundExpression value)
        : base(syntax, value.Type)
    {
        Statements = statements;
        Value = value;
    }

    public ImmutableArray<BoundStatement> Statements { get; }

    public BoundExpression Value { get; }
}
