using System.Text;

namespace BtLang.Syntax;

/// <summary>
/// The bytes a string literal's value stands for. bpftrace strings are byte strings: the escapes <c>\x80</c>..<c>\xff</c>
/// and <c>\200</c>..<c>\377</c> are one byte each, while other characters of the source are their UTF-8 bytes.
/// A literal's decoded value keeps each such escaped byte as one character of the range U+DC80..U+DCFF (a lone low
/// surrogate, which no source text can contain), so that <see cref="GetBytes"/> can tell it from a real character.
/// </summary>
public static class StringLiteralBytes
{
    private const char EscapedByteBase = '\uDC00';

    /// <summary>The character that stands for the escaped byte <paramref name="value"/> (0x80..0xff) in a decoded value.</summary>
    public static char EscapedByte(int value) =>
        value >= 0x80 && value <= 0xff ? (char)(EscapedByteBase + value) : (char)value;

    /// <summary>True if <paramref name="c"/> stands for one escaped byte 0x80..0xff.</summary>
    public static bool IsEscapedByte(char c) => c >= '\uDC80' && c <= '\uDCFF';

    /// <summary>The bytes of a decoded literal value: escaped bytes as themselves, everything else as UTF-8.</summary>
    public static byte[] GetBytes(string value)
    {
        var bytes = new List<byte>(value.Length);
        Span<byte> buffer = stackalloc byte[4];
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (IsEscapedByte(c))
            {
                bytes.Add((byte)(c - EscapedByteBase));
                continue;
            }

            int length = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])
                ? Encoding.UTF8.GetBytes(value.AsSpan(i++, 2), buffer)
                : Encoding.UTF8.GetBytes(value.AsSpan(i, 1), buffer);
            for (int j = 0; j < length; j++)
            {
                bytes.Add(buffer[j]);
            }
        }

        return bytes.ToArray();
    }

    /// <summary>The number of bytes <see cref="GetBytes"/> returns.</summary>
    public static int GetByteCount(string value) => GetBytes(value).Length;
}
