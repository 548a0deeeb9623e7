namespace BtLang.Semantics.Types;

/// <summary><c>buf(p, n)</c>: a u32 length then up to <see cref="Capacity"/> bytes.</summary>
public sealed class BufferType : BtType
{
    public BufferType(int capacity)
        : base(TypeKind.Buffer) => Capacity = capacity;

    public int Capacity { get; }

    public override int Size => 4 + Capacity + ((8 - ((4 + Capacity) % 8)) % 8);

    public override bool Equals(BtType? other) => other is BufferType b && b.Capacity == Capacity;

    public override int GetHashCode() => HashCode.Combine(TypeKind.Buffer, Capacity);

    public override string ToString() => $"buffer[{Capacity}]";
}
