using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal sealed class BoundUnary : BoundExpression
{
    public BoundUnary(SyntaxNode syntax, UnaryOperator op, BoundExpression operand, BtType type)
        : base(syntax, type)
    {
        Operator = op;
        Operand = operand;
    }

    public UnaryOperator Operator { get; }

    public BoundExpression Operand { get; }

    public override long? ConstantValue => Operand.ConstantValue is not { } v ? null : Operator switch
    {
        UnaryOperator.Negate => -v,
        UnaryOperator.Plus => v,
        UnaryOperator.BitwiseNot => ~v,
        UnaryOperator.LogicalNot => v == 0 ? 1 : 0,
        _ => null,
    };
}
