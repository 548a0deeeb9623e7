using System.Collections.Immutable;
using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary>
/// <c>{ $t = 10; $t * 2 }</c> and expanded macro calls: statements in their own scope, then the value of the last
/// expression (<see cref="Value"/> is null, and the type void, when the block ends in a statement).
/// </summary>
internal sealed class BoundBlockExpression : BoundExpression
{
    public BoundBlockExpression(SyntaxNode syntax, ImmutableArray<BoundStatement> statements, BoundExpression? value)
        : base(syntax, value?.Type ?? SimpleType.Void)
    {
        Statements = statements;
        Value = value;
    }

    public ImmutableArray<BoundStatement> Statements { get; }

    public BoundExpression? Value { get; }
}
