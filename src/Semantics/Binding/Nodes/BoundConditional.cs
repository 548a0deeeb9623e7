using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal sealed class BoundConditional : BoundExpression
{
    public BoundConditional(SyntaxNode syntax, BoundExpression condition, BoundExpression whenTrue, BoundExpression whenFalse, BtType type)
        : base(syntax, type)
    {
        Condition = condition;
        WhenTrue = whenTrue;
        WhenFalse = whenFalse;
    }

    public BoundExpression Condition { get; }

    public BoundExpression WhenTrue { get; }

    public BoundExpression WhenFalse { get; }
}
