using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace BtLang.Driver.Output;

/// <summary>
/// Byte-preserving text. bpftrace prints the raw bytes of strings (comm, str(), map keys), whatever they hold; .NET
/// strings are UTF-16. So bytes are decoded as UTF-8 where they form valid UTF-8, and every byte that does not is kept
/// as the lone low surrogate U+DC00+byte (the "surrogateescape" scheme): 0x80..0xFF become U+DC80..U+DCFF. A lone low
/// surrogate never comes out of valid UTF-8, so <see cref="GetBytes(string)"/> turns such a string back into exactly
/// the bytes it came from, and <see cref="Encoding"/> does the same on the way to stdout or the <c>-o</c> file.
/// Lengths that C counts in bytes (printf width and precision) are counted with <see cref="GetByteCount"/>.
/// </summary>
public static class RawText
{
    private const char EscapeBase = '\uDC00';

    /// <summary>The output encoding: UTF-8 without a BOM that writes escaped bytes back as the raw byte.</summary>
    public static Encoding Encoding { get; } = new RawUtf8Encoding();

    /// <summary>Decodes <paramref name="bytes"/>, keeping every byte that is not valid UTF-8 as an escape.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return System.Text.Encoding.UTF8.GetString(bytes);
        }

        var sb = new StringBuilder(bytes.Length);
        AppendDecoded(sb, bytes);
        return sb.ToString();
    }

    /// <summary>Appends the decoded <paramref name="bytes"/> (see <see cref="Decode"/>).</summary>
    public static void AppendDecoded(StringBuilder sb, ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out var rune, out int consumed) == OperationStatus.Done)
            {
                if (rune.IsBmp)
                {
                    sb.Append((char)rune.Value);
                }
                else
                {
                    sb.Append(rune.ToString());
                }
            }
            else
            {
                // Invalid or truncated UTF-8: keep the first byte alone and go on with the next one.
                consumed = 1;
                sb.Append(EscapeOf(bytes[0]));
            }

            bytes = bytes[consumed..];
        }
    }

    /// <summary>The character that stands for raw byte <paramref name="value"/>: itself when ASCII, else its escape.</summary>
    public static char EscapeOf(byte value) => value < 0x80 ? (char)value : (char)(EscapeBase + value);

    /// <summary>The bytes <paramref name="text"/> stands for.</summary>
    public static byte[] GetBytes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = new byte[GetByteCount(text)];
        Encode(text, bytes);
        return bytes;
    }

    /// <summary>How many bytes <paramref name="text"/> stands for: what C's printf counts for width and precision.</summary>
    public static int GetByteCount(ReadOnlySpan<char> text)
    {
        int count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            count += CharBytes(text, i, out int chars);
            i += chars - 1;
        }

        return count;
    }

    /// <summary>The first <paramref name="maxBytes"/> bytes of <paramref name="text"/>, as C's <c>%.Ns</c> cuts (a cut
    /// inside a multi-byte character leaves its first bytes, as escapes).</summary>
    public static string TruncateBytes(string text, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (maxBytes <= 0)
        {
            return string.Empty;
        }

        byte[] bytes = GetBytes(text);
        return bytes.Length <= maxBytes ? text : Decode(bytes.AsSpan(0, maxBytes));
    }

    /// <summary>Orders strings by their bytes (as bpftrace sorts string keys: memcmp, shorter first).</summary>
    public static int CompareBytes(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int i = a.AsSpan().CommonPrefixLength(b);
        if (i == a.Length || i == b.Length)
        {
            return a.Length.CompareTo(b.Length);
        }

        // Below the surrogates, UTF-16 order is code point order, and UTF-8 keeps code point order.
        if (a[i] < '\uD800' && b[i] < '\uD800')
        {
            return a[i].CompareTo(b[i]);
        }

        if (i > 0 && char.IsHighSurrogate(a[i - 1]))
        {
            i--; // the strings differ inside a surrogate pair: compare from its start
        }

        return GetBytes(a[i..]).AsSpan().SequenceCompareTo(GetBytes(b[i..]));
    }

    /// <summary>
    /// Appends <paramref name="text"/> as a JSON string body the way bpftrace escapes it: <c>\" \\ \n \r \t</c>,
    /// other control characters as <c>\u00XX</c>, and every byte of 0x80 and above as its sign-extended <c>char</c>
    /// printed in hex (<c>\uffffffff</c> for 0xff, <c>\uffffffc3\uffffffa9</c> for é), since bpftrace tests
    /// <c>c &lt;= '\x1f'</c> on a signed char. Same in 0.17 and 0.26.
    /// </summary>
    public static void AppendJsonEscaped(StringBuilder sb, string text)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); continue;
                case '\\': sb.Append("\\\\"); continue;
                case '\n': sb.Append("\\n"); continue;
                case '\r': sb.Append("\\r"); continue;
                case '\t': sb.Append("\\t"); continue;
            }

            if (c < 0x20)
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                continue;
            }

            if (c < 0x80)
            {
                sb.Append(c);
                continue;
            }

            int written = EncodeChar(text, i, utf8, out int chars);
            for (int j = 0; j < written; j++)
            {
                sb.Append("\\u").Append((0xFFFFFF00u | utf8[j]).ToString("x8", CultureInfo.InvariantCulture));
            }

            i += chars - 1;
        }
    }

    /// <summary>Writes the bytes of <paramref name="text"/> to <paramref name="destination"/>; returns how many.</summary>
    internal static int Encode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        int written = 0;
        for (int i = 0; i < text.Length; i++)
        {
            written += EncodeChar(text, i, destination[written..], out int chars);
            i += chars - 1;
        }

        return written;
    }

    /// <summary>Bytes of the character (or surrogate pair) at <paramref name="index"/>; <paramref name="chars"/> is 1 or 2.</summary>
    internal static int CharBytes(ReadOnlySpan<char> text, int index, out int chars)
    {
        char c = text[index];
        chars = 1;
        if (c < 0x80)
        {
            return 1;
        }

        if (c < 0x800)
        {
            return 2;
        }

        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            chars = 2;
            return 4;
        }

        if (c >= '\uDC80' && c <= '\uDCFF')
        {
            return 1; // an escaped raw byte
        }

        return 3; // other BMP characters; a lone surrogate becomes U+FFFD (3 bytes)
    }

    /// <summary>Encodes the character (or pair) at <paramref name="index"/> into <paramref name="destination"/>.</summary>
    internal static int EncodeChar(ReadOnlySpan<char> text, int index, Span<byte> destination, out int chars)
    {
        char c = text[index];
        chars = 1;
        if (c < 0x80)
        {
            destination[0] = (byte)c;
            return 1;
        }

        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            chars = 2;
            return new Rune(c, text[index + 1]).EncodeToUtf8(destination);
        }

        if (c >= '\uDC80' && c <= '\uDCFF')
        {
            destination[0] = (byte)(c - EscapeBase);
            return 1;
        }

        return (char.IsSurrogate(c) ? Rune.ReplacementChar : new Rune(c)).EncodeToUtf8(destination);
    }
}
