using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary>A binary operation. <see cref="IsStringComparison"/> marks <c>==</c>/<c>!=</c> between strings.</summary>
internal sealed class BoundBinary : BoundExpression
{
    public BoundBinary(SyntaxNode syntax, BinaryOperator op, BoundExpression left, BoundExpression right, BtType type)
        : base(syntax, type)
    {
        Operator = op;
        Left = left;
        Right = right;
    }

    public BinaryOperator Operator { get; }

    public BoundExpression Left { get; }

    public BoundExpression Right { get; }

    public bool IsStringComparison => Left.Type.IsString && Right.Type.IsString;

    /// <summary>Signedness of the operation (from the operands after promotion).</summary>
    public bool IsSigned => !(Left.Type is IntegerType { IsSigned: false } && Right.Type is IntegerType { IsSigned: false }) &&
                            Left.Type.Kind != TypeKind.Pointer && Right.Type.Kind != TypeKind.Pointer;

    public override long? ConstantValue
    {
        get
        {
            if (Left.ConstantValue is not { } l || Right.ConstantValue is not { } r)
            {
                return null;
            }

            return Operator switch
            {
                BinaryOperator.Add => l + r,
                BinaryOperator.Subtract => l - r,
                BinaryOperator.Multiply => l * r,
                BinaryOperator.Divide when r != 0 => l / r,
                BinaryOperator.Modulo when r != 0 => l % r,
                BinaryOperator.LeftShift => l << (int)r,
                BinaryOperator.RightShift => l >> (int)r,
                BinaryOperator.BitwiseAnd => l & r,
                BinaryOperator.BitwiseOr => l | r,
                BinaryOperator.BitwiseXor => l ^ r,
                _ => null,
            };
        }
    }
}
