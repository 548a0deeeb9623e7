using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary><c>break</c>, <c>continue</c> or <c>return</c>.</summary>
internal sealed class BoundJump : BoundStatement
{
    public BoundJump(SyntaxNode syntax, BoundJumpKind kind)
        : base(syntax) => JumpKind = kind;

    public BoundJumpKind JumpKind { get; }
}
