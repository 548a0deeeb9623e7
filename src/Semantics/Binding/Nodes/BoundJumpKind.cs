namespace BtLang.Semantics.Binding;

internal enum BoundJumpKind
{
    Break,
    Continue,
    Return,
}
