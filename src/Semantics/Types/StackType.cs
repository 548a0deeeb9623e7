namespace BtLang.Semantics.Types;

/// <summary><c>kstack</c>/<c>ustack</c> with a printing mode and a frame limit.</summary>
public sealed class StackType : BtType
{
    public const int DefaultDepth = 127;

    public StackType(bool isUser, string mode = "bpftrace", int depth = DefaultDepth)
        : base(isUser ? TypeKind.UserStack : TypeKind.KernelStack)
    {
        IsUser = isUser;
        Mode = mode;
        Depth = depth;
    }

    public bool IsUser { get; }

    /// <summary><c>bpftrace</c>, <c>perf</c> or <c>raw</c>.</summary>
    public string Mode { get; }

    public int Depth { get; }

    public override int Size => IsUser ? 16 : 8;

    public override bool Equals(BtType? other) =>
        other is StackType s && s.IsUser == IsUser && s.Mode == Mode && s.Depth == Depth;

    public override int GetHashCode() => HashCode.Combine(Kind, Mode, Depth);

    public override string ToString() => IsUser ? "ustack" : "kstack";
}
