using System.Text;

namespace BtLang.Driver.Output;

/// <summary>
/// UTF-8 (no BOM) that round-trips raw bytes: decoding keeps invalid bytes as escapes and encoding writes escapes back
/// as the byte they stand for (see <see cref="RawText"/>). The output writers write through it, so a string that came
/// from the kernel reaches stdout byte for byte.
/// </summary>
internal sealed class RawUtf8Encoding : Encoding
{
    public override string EncodingName => "UTF-8 (raw bytes kept)";

    public override string WebName => "utf-8";

    public override byte[] GetPreamble() => [];

    public override ReadOnlySpan<byte> Preamble => default;

    public override int GetByteCount(char[] chars, int index, int count) => RawText.GetByteCount(chars.AsSpan(index, count));

    public override int GetByteCount(ReadOnlySpan<char> chars) => RawText.GetByteCount(chars);

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
        RawText.Encode(chars.AsSpan(charIndex, charCount), bytes.AsSpan(byteIndex));

    public override int GetBytes(ReadOnlySpan<char> chars, Span<byte> bytes) => RawText.Encode(chars, bytes);

    public override int GetCharCount(byte[] bytes, int index, int count) => RawText.Decode(bytes.AsSpan(index, count)).Length;

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
    {
        string text = RawText.Decode(bytes.AsSpan(byteIndex, byteCount));
        text.CopyTo(chars.AsSpan(charIndex));
        return text.Length;
    }

    public override string GetString(byte[] bytes, int index, int count) => RawText.Decode(bytes.AsSpan(index, count));

    /// <summary>At most 3 bytes per UTF-16 unit (a pair is 4 bytes for 2), plus a high surrogate held from the last call.</summary>
    public override int GetMaxByteCount(int charCount) => (charCount + 1) * 3;

    /// <summary>Every byte decodes to at most one UTF-16 unit (a 4-byte sequence becomes 2).</summary>
    public override int GetMaxCharCount(int byteCount) => byteCount + 1;

    public override Encoder GetEncoder() => new RawEncoder();

    /// <summary>Keeps a high surrogate that ends one buffer until the low surrogate of the next arrives.</summary>
    private sealed class RawEncoder : Encoder
    {
        private char _pendingHigh;

        public override int GetByteCount(char[] chars, int index, int count, bool flush) =>
            GetByteCount(chars.AsSpan(index, count), flush);

        public override int GetByteCount(ReadOnlySpan<char> chars, bool flush)
        {
            var joined = Join(chars, flush, out _);
            return RawText.GetByteCount(joined);
        }

        public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex, bool flush) =>
            GetBytes(chars.AsSpan(charIndex, charCount), bytes.AsSpan(byteIndex), flush);

        public override int GetBytes(ReadOnlySpan<char> chars, Span<byte> bytes, bool flush)
        {
            var joined = Join(chars, flush, out char pending);
            _pendingHigh = pending;
            return RawText.Encode(joined, bytes);
        }

        public override void Reset() => _pendingHigh = '\0';

        /// <summary>The held high surrogate and <paramref name="chars"/>, less a trailing high surrogate unless flushing.</summary>
        private ReadOnlySpan<char> Join(ReadOnlySpan<char> chars, bool flush, out char pending)
        {
            pending = '\0';
            ReadOnlySpan<char> text = chars;
            if (_pendingHigh != '\0')
            {
                var buffer = new char[chars.Length + 1];
                buffer[0] = _pendingHigh;
                chars.CopyTo(buffer.AsSpan(1));
                text = buffer;
            }

            if (!flush && !text.IsEmpty && char.IsHighSurrogate(text[^1]))
            {
                pending = text[^1];
                text = text[..^1];
            }

            return text;
        }
    }
}
