namespace BtLang.Semantics.Types;

/// <summary>Signed or unsigned integer of 8, 16, 32 or 64 bits: <c>int8</c> .. <c>uint64</c>.</summary>
public sealed class IntegerType : BtType
{
    private IntegerType(int bits, bool isSigned)
        : base(TypeKind.Integer)
    {
        Bits = bits;
        IsSigned = isSigned;
    }

    public static IntegerType Int8 { get; } = new(8, true);

    public static IntegerType Int16 { get; } = new(16, true);

    public static IntegerType Int32 { get; } = new(32, true);

    public static IntegerType Int64 { get; } = new(64, true);

    public static IntegerType UInt8 { get; } = new(8, false);

    public static IntegerType UInt16 { get; } = new(16, false);

    public static IntegerType UInt32 { get; } = new(32, false);

    public static IntegerType UInt64 { get; } = new(64, false);

    public int Bits { get; }

    public bool IsSigned { get; }

    public override int Size => Bits / 8;

    public override int Alignment => Size;

    public static IntegerType Get(int bits, bool isSigned) => (bits, isSigned) switch
    {
        (8, true) => Int8,
        (16, true) => Int16,
        (32, true) => Int32,
        (64, true) => Int64,
        (8, false) => UInt8,
        (16, false) => UInt16,
        (32, false) => UInt32,
        (64, false) => UInt64,
        _ => throw new ArgumentOutOfRangeException(nameof(bits), bits, "integer width must be 8, 16, 32 or 64"),
    };

    public override bool Equals(BtType? other) => other is IntegerType i && i.Bits == Bits && i.IsSigned == IsSigned;

    public override int GetHashCode() => HashCode.Combine(Bits, IsSigned);

    public override string ToString() => (IsSigned ? "int" : "uint") + Bits;
}
