namespace BtLang.Semantics.Types;

/// <summary>A pointer into kernel or user memory: <c>struct task_struct *</c>, <c>uint8 *</c>.</summary>
public sealed class PointerType : BtType
{
    public PointerType(BtType element, bool isUser = false)
        : base(TypeKind.Pointer)
    {
        Element = element;
        IsUser = isUser;
    }

    public BtType Element { get; }

    /// <summary>True when the pointer points into user memory (uprobe/usdt arguments, <c>uptr()</c>).</summary>
    public bool IsUser { get; }

    public override int Size => 8;

    public override bool Equals(BtType? other) => other is PointerType p && p.Element.Equals(Element) && p.IsUser == IsUser;

    public override int GetHashCode() => HashCode.Combine(TypeKind.Pointer, Element, IsUser);

    public override string ToString() => Element is SimpleType { Kind: TypeKind.Void } ? "void *" : $"{Element} *";
}
