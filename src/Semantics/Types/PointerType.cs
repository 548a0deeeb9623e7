namespace BtLang.Semantics.Types;

/// <summary>A pointer into kernel or user memory: <c>struct task_struct *</c>, <c>uint8 *</c>.</summary>
public sealed class PointerType : BtType
{
    public PointerType(BtType element, bool isUser = false, bool isKernel = false)
        : base(TypeKind.Pointer)
    {
        Element = element;
        IsUser = isUser;
        IsKernel = isKernel && !isUser;
    }

    public BtType Element { get; }

    /// <summary>True when the pointer points into user memory (uprobe/usdt arguments, <c>uptr()</c>).</summary>
    public bool IsUser { get; }

    /// <summary>
    /// True when the pointer is known to point into kernel memory whatever the probe: <c>&amp;</c> of a scratch
    /// variable (BPF stack), of a map value or of the probe context, and <c>kptr()</c>. Reads through it use the kernel
    /// read even in uprobes, where other pointers default to user memory.
    /// </summary>
    public bool IsKernel { get; }

    public override int Size => 8;

    public override bool Equals(BtType? other) => other is PointerType p && p.Element.Equals(Element) && p.IsUser == IsUser && p.IsKernel == IsKernel;

    public override int GetHashCode() => HashCode.Combine(TypeKind.Pointer, Element, IsUser, IsKernel);

    public override string ToString() => Element is SimpleType { Kind: TypeKind.Void } ? "void *" : $"{Element} *";
}
