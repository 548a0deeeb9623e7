using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary><c>a[i]</c> on an array value, a pointer or a string.</summary>
internal sealed class BoundArrayIndex : BoundExpression
{
    public BoundArrayIndex(SyntaxNode syntax, BoundExpression operand, BoundExpression index, BtType type)
        : base(syntax, type)
    {
        Operand = operand;
        Index = index;
    }

    public BoundExpression Operand { get; }

    public BoundExpression Index { get; }
}
