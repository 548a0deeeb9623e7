using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal sealed class BoundWhile : BoundStatement
{
    public BoundWhile(SyntaxNode syntax, BoundExpression condition, BoundBlock body)
        : base(syntax)
    {
        Condition = condition;
        Body = body;
    }

    public BoundExpression Condition { get; }

    public BoundBlock Body { get; }
}
