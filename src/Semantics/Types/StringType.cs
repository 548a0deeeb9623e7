namespace BtLang.Semantics.Types;

/// <summary>A NUL-terminated string in a fixed-size buffer: <c>string[16]</c> (the size counts the NUL).</summary>
public sealed class StringType : BtType
{
    public StringType(int size)
        : base(TypeKind.String) => Capacity = size;

    /// <summary>Buffer size in bytes, including the terminating NUL.</summary>
    public int Capacity { get; }

    public override int Size => Capacity;

    public override int Alignment => 1;

    public override bool Equals(BtType? other) => other is StringType s && s.Capacity == Capacity;

    public override int GetHashCode() => HashCode.Combine(TypeKind.String, Capacity);

    public override string ToString() => $"string[{Capacity}]";
}
