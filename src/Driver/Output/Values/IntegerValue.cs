namespace BtLang.Driver.Output;

/// <summary>An integer of up to 64 bits; <see cref="Bits"/> holds the value sign- or zero-extended to 64 bits.</summary>
public sealed record IntegerValue(long Bits, bool IsSigned) : Value
{
    public long AsInt64 => Bits;

    public ulong AsUInt64 => unchecked((ulong)Bits);

    public static IntegerValue Signed(long value) => new(value, true);

    public static IntegerValue Unsigned(ulong value) => new(unchecked((long)value), false);
}
