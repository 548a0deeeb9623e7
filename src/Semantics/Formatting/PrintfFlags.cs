namespace BtLang.Semantics.Formatting;

/// <summary>The C printf flag characters of one conversion specifier.</summary>
[Flags]
public enum PrintfFlags
{
    None = 0,

    /// <summary><c>-</c>: left-justify within the field width.</summary>
    LeftAlign = 1,

    /// <summary><c>0</c>: pad numbers with zeros (ignored with <c>-</c>, or with a precision on integers).</summary>
    ZeroPad = 2,

    /// <summary><c>+</c>: always print a sign on signed conversions.</summary>
    Plus = 4,

    /// <summary><c>' '</c>: print a space where a <c>+</c> sign would go.</summary>
    Space = 8,

    /// <summary><c>#</c>: alternate form (<c>0x</c> prefix for <c>%x</c>, leading <c>0</c> for <c>%o</c>).</summary>
    Alternate = 16,
}
