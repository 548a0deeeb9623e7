using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary>A conversion (explicit cast or an implicit widening the binder inserted).</summary>
internal sealed class BoundCast : BoundExpression
{
    public BoundCast(SyntaxNode syntax, BoundExpression operand, BtType type)
        : base(syntax, type) => Operand = operand;

    public BoundExpression Operand { get; }

    public override long? ConstantValue => Operand.ConstantValue;
}
