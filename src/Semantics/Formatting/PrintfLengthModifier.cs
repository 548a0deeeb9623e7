namespace BtLang.Semantics.Formatting;

/// <summary>
/// C length modifiers. Every printf argument travels as 64 bits; the modifier says to which width it is truncated
/// before it is printed (<c>%hhd</c> of 300 prints 44, <c>%u</c> of -1 prints 4294967295).
/// </summary>
public enum PrintfLengthModifier
{
    /// <summary>No modifier: <c>int</c> / <c>unsigned int</c>, 32 bits.</summary>
    None,

    /// <summary><c>hh</c>: <c>char</c>, 8 bits.</summary>
    Char,

    /// <summary><c>h</c>: <c>short</c>, 16 bits.</summary>
    Short,

    /// <summary><c>l</c>: <c>long</c>, 64 bits.</summary>
    Long,

    /// <summary><c>ll</c>: <c>long long</c>, 64 bits.</summary>
    LongLong,

    /// <summary><c>z</c>: <c>size_t</c>, 64 bits.</summary>
    Size,

    /// <summary><c>j</c>: <c>intmax_t</c>, 64 bits.</summary>
    IntMax,

    /// <summary><c>t</c>: <c>ptrdiff_t</c>, 64 bits.</summary>
    PtrDiff,
}
