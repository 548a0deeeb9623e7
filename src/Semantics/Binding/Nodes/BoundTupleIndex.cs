using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary><c>t.0</c>, <c>t[1]</c>, <c>r.name</c> on tuples and records.</summary>
internal sealed class BoundTupleIndex : BoundExpression
{
    public BoundTupleIndex(SyntaxNode syntax, BoundExpression operand, int index)
        : base(syntax, ((Types.TupleType)operand.Type).Elements[index])
    {
        Operand = operand;
        Index = index;
    }

    public BoundExpression Operand { get; }

    public int Index { get; }
}
