using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary>
/// A struct member read: <c>args.filename</c>, <c>curtask->comm</c>, <c>$p.x</c>. <see cref="ThroughPointer"/> is
/// true when <see cref="Operand"/> is a pointer to the struct (the member is read from kernel or user memory).
/// </summary>
internal sealed class BoundFieldAccess : BoundExpression
{
    public BoundFieldAccess(SyntaxNode syntax, BoundExpression operand, StructType structType, StructMember member, bool throughPointer)
        : base(syntax, member.Type)
    {
        Operand = operand;
        StructType = structType;
        Member = member;
        ThroughPointer = throughPointer;
    }

    public BoundExpression Operand { get; }

    public StructType StructType { get; }

    public StructMember Member { get; }

    public bool ThroughPointer { get; }
}
