using System.Globalization;
using System.Text;
using BtLang.Semantics.Formatting;

namespace BtLang.Driver.Output;

/// <summary>
/// Renders printf (and cat/system) formats in user space with C semantics: every integer argument is 64 bits and
/// is truncated by the length modifier (<c>%u</c> of -1 is 4294967295, <c>%hhd</c> of 300 is 44); width, precision
/// and the flags <c>- 0 + space #</c> behave as in glibc; <c>%s</c> prints any value's text (strings, stacks,
/// symbols, addresses, timestamps, enum names); <c>%r</c>/<c>%rx</c>/<c>%rh</c> print buffers. No newline is added.
/// </summary>
public static class PrintfRenderer
{
    public static string Render(PrintfFormat format, IReadOnlyList<Value> arguments)
    {
        var sb = new StringBuilder(format.Text.Length + 32);
        Render(sb, format, arguments);
        return sb.ToString();
    }

    public static void Render(StringBuilder sb, PrintfFormat format, IReadOnlyList<Value> arguments)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(arguments);
        foreach (var segment in format.Segments)
        {
            if (segment is PrintfLiteral literal)
            {
                sb.Append(literal.Text);
                continue;
            }

            var spec = (PrintfSpecifier)segment;
            var argument = spec.ArgumentIndex < arguments.Count ? arguments[spec.ArgumentIndex] : NoneValue.Instance;
            AppendSpecifier(sb, spec, argument);
        }
    }

    private static void AppendSpecifier(StringBuilder sb, PrintfSpecifier spec, Value argument)
    {
        switch (spec.Conversion)
        {
            case PrintfConversion.String:
            {
                string text = argument is StringValue s ? s.Text : ValueText.ToText(argument);
                if (spec.Precision is int p)
                {
                    text = RawText.TruncateBytes(text, p); // C counts bytes
                }

                Pad(sb, text, spec);
                return;
            }

            case PrintfConversion.Buffer:
            case PrintfConversion.BufferHex:
            case PrintfConversion.BufferHexSpaced:
            {
                byte[] bytes = argument switch
                {
                    BufferValue b => b.Bytes.ToArray(),
                    StringValue s => RawText.GetBytes(s.Text),
                    _ => RawText.GetBytes(ValueText.ToText(argument)),
                };
                var text = new StringBuilder(bytes.Length * 4);
                ValueText.AppendBuffer(text, bytes, keepPrintable: spec.Conversion == PrintfConversion.Buffer,
                    escape: spec.Conversion != PrintfConversion.BufferHexSpaced);
                Pad(sb, text.ToString(), spec);
                return;
            }
        }

        if (!TryGetBits(argument, out long bits))
        {
            // The binder only lets integers reach integer conversions; print anything else as text.
            Pad(sb, ValueText.ToText(argument), spec);
            return;
        }

        switch (spec.Conversion)
        {
            case PrintfConversion.Char:
                Pad(sb, RawText.EscapeOf((byte)bits).ToString(), spec);
                return;
            case PrintfConversion.Pointer:
                if (bits == 0)
                {
                    Pad(sb, "(nil)", spec);
                    return;
                }

                AppendInteger(sb, spec with { Flags = spec.Flags | PrintfFlags.Alternate }, unchecked((ulong)bits), negative: false, radix: 16, upper: false);
                return;
        }

        int width = spec.ArgumentBits;
        if (spec.Conversion == PrintfConversion.SignedDecimal)
        {
            long value = width switch
            {
                8 => (sbyte)bits,
                16 => (short)bits,
                32 => (int)bits,
                _ => bits,
            };
            ulong magnitude = value < 0 ? unchecked((ulong)(-(value + 1)) + 1) : (ulong)value;
            AppendInteger(sb, spec, magnitude, value < 0, 10, upper: false);
            return;
        }

        ulong unsignedValue = width switch
        {
            8 => (byte)bits,
            16 => (ushort)bits,
            32 => (uint)bits,
            _ => unchecked((ulong)bits),
        };
        int radix = spec.Conversion switch
        {
            PrintfConversion.HexLower or PrintfConversion.HexUpper => 16,
            PrintfConversion.Octal => 8,
            _ => 10,
        };
        AppendInteger(sb, spec, unsignedValue, negative: false, radix, spec.Conversion == PrintfConversion.HexUpper);
    }

    private static bool TryGetBits(Value value, out long bits)
    {
        switch (value)
        {
            case IntegerValue i: bits = i.Bits; return true;
            case BooleanValue b: bits = b.Value ? 1 : 0; return true;
            case PointerValue p: bits = unchecked((long)p.Address); return true;
            case EnumValue e: bits = e.Number; return true;
            case SymbolValue s: bits = unchecked((long)s.Address); return true;
            case CountValue c: bits = unchecked((long)c.Count); return true;
            case SumValue s: bits = s.Total; return true;
            case MinMaxValue m: bits = m.Value; return true;
            case AverageValue a: bits = a.Average; return true;
            default: bits = 0; return false;
        }
    }

    private static void AppendInteger(StringBuilder sb, PrintfSpecifier spec, ulong magnitude, bool negative, int radix, bool upper)
    {
        string digits = radix switch
        {
            16 => magnitude.ToString(upper ? "X" : "x", CultureInfo.InvariantCulture),
            8 => Convert.ToString(unchecked((long)magnitude), 8),
            _ => magnitude.ToString(CultureInfo.InvariantCulture),
        };
        if (spec.Precision is int precision)
        {
            if (precision == 0 && magnitude == 0)
            {
                digits = string.Empty;
            }
            else if (digits.Length < precision)
            {
                digits = new string('0', precision - digits.Length) + digits;
            }
        }

        string prefix = string.Empty;
        if (spec.Conversion == PrintfConversion.SignedDecimal)
        {
            prefix = negative ? "-" : (spec.Flags & PrintfFlags.Plus) != 0 ? "+" : (spec.Flags & PrintfFlags.Space) != 0 ? " " : string.Empty;
        }
        else if ((spec.Flags & PrintfFlags.Alternate) != 0)
        {
            if (radix == 16 && magnitude != 0)
            {
                prefix = upper ? "0X" : "0x";
            }
            else if (radix == 8 && !digits.StartsWith('0'))
            {
                digits = "0" + digits;
            }
        }

        int length = prefix.Length + digits.Length;
        int width = spec.Width ?? 0;
        if (length >= width)
        {
            sb.Append(prefix).Append(digits);
        }
        else if ((spec.Flags & PrintfFlags.LeftAlign) != 0)
        {
            sb.Append(prefix).Append(digits).Append(' ', width - length);
        }
        else if ((spec.Flags & PrintfFlags.ZeroPad) != 0 && spec.Precision is null)
        {
            sb.Append(prefix).Append('0', width - length).Append(digits);
        }
        else
        {
            sb.Append(' ', width - length).Append(prefix).Append(digits);
        }
    }

    /// <summary>Pads to the width in bytes, as C does (a 2-byte UTF-8 character takes two columns of the width).</summary>
    private static void Pad(StringBuilder sb, string text, PrintfSpecifier spec)
    {
        int width = spec.Width ?? 0;
        int length = width == 0 ? 0 : RawText.GetByteCount(text);
        if (length >= width)
        {
            sb.Append(text);
        }
        else if ((spec.Flags & PrintfFlags.LeftAlign) != 0)
        {
            sb.Append(text).Append(' ', width - length);
        }
        else
        {
            sb.Append(' ', width - length).Append(text);
        }
    }
}
