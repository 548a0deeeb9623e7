using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal sealed class BoundExpressionStatement : BoundStatement
{
    public BoundExpressionStatement(SyntaxNode syntax, BoundExpression expression)
        : base(syntax) => Expression = expression;

    public BoundExpression Expression { get; }
}
