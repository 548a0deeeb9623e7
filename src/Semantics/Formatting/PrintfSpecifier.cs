namespace BtLang.Semantics.Formatting;

/// <summary>
/// One conversion specifier such as <c>%-08.3lld</c>. <see cref="ArgumentIndex"/> is the 0-based index of the
/// argument it consumes.
/// </summary>
public sealed record PrintfSpecifier(
    int Position,
    int Length,
    int ArgumentIndex,
    PrintfFlags Flags,
    int? Width,
    int? Precision,
    PrintfLengthModifier LengthModifier,
    PrintfConversion Conversion) : PrintfSegment(Position, Length)
{
    /// <summary>True for the integer conversions d i u x X o c p.</summary>
    public bool TakesInteger => Conversion is PrintfConversion.SignedDecimal or PrintfConversion.UnsignedDecimal
        or PrintfConversion.HexLower or PrintfConversion.HexUpper or PrintfConversion.Octal
        or PrintfConversion.Char or PrintfConversion.Pointer;

    /// <summary>True for <c>%r</c>, <c>%rx</c>, <c>%rh</c>.</summary>
    public bool TakesBuffer => Conversion is PrintfConversion.Buffer or PrintfConversion.BufferHex or PrintfConversion.BufferHexSpaced;

    /// <summary>Bits the 64-bit argument is truncated to before printing (8, 16, 32 or 64).</summary>
    public int ArgumentBits => LengthModifier switch
    {
        PrintfLengthModifier.Char => 8,
        PrintfLengthModifier.Short => 16,
        PrintfLengthModifier.None => Conversion == PrintfConversion.Pointer ? 64 : 32,
        _ => 64,
    };
}
