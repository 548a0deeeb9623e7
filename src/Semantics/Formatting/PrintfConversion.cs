namespace BtLang.Semantics.Formatting;

/// <summary>The conversion of one printf specifier (the final character(s) after <c>%</c>).</summary>
public enum PrintfConversion
{
    /// <summary><c>%d</c> or <c>%i</c>: signed decimal.</summary>
    SignedDecimal,

    /// <summary><c>%u</c>: unsigned decimal.</summary>
    UnsignedDecimal,

    /// <summary><c>%x</c>: unsigned hexadecimal, lower case.</summary>
    HexLower,

    /// <summary><c>%X</c>: unsigned hexadecimal, upper case.</summary>
    HexUpper,

    /// <summary><c>%o</c>: unsigned octal.</summary>
    Octal,

    /// <summary><c>%s</c>: string (also stacks, symbols, addresses, timestamps, enums).</summary>
    String,

    /// <summary><c>%c</c>: one character from an integer.</summary>
    Char,

    /// <summary><c>%p</c>: pointer in hexadecimal with a <c>0x</c> prefix.</summary>
    Pointer,

    /// <summary><c>%r</c>: buffer, printable bytes as is and the rest as <c>\xNN</c>.</summary>
    Buffer,

    /// <summary><c>%rx</c>: buffer, every byte as <c>\xNN</c>.</summary>
    BufferHex,

    /// <summary><c>%rh</c>: buffer, every byte as two hex digits separated by spaces.</summary>
    BufferHexSpaced,
}
