using System.Collections.Immutable;
using System.Text;

namespace BtLang.Semantics.Formatting;

/// <summary>
/// A parsed printf-style format string (printf, system, cat, errorf): literal segments and conversion specifiers,
/// with problems reported as data in <see cref="Errors"/> rather than thrown. The input is the string's value, so
/// C escapes (<c>\n</c>, <c>\t</c>) were already resolved by the lexer. Shared by the binder (argument checks) and the
/// driver (rendering, see the driver's <c>PrintfRenderer</c>).
/// </summary>
public sealed class PrintfFormat
{
    private PrintfFormat(string text, ImmutableArray<PrintfSegment> segments, ImmutableArray<PrintfSpecifier> specifiers, ImmutableArray<PrintfFormatError> errors)
    {
        Text = text;
        Segments = segments;
        Specifiers = specifiers;
        Errors = errors;
    }

    /// <summary>The format text as given.</summary>
    public string Text { get; }

    /// <summary>Literal text and specifiers in order.</summary>
    public ImmutableArray<PrintfSegment> Segments { get; }

    /// <summary>The specifiers only, in argument order.</summary>
    public ImmutableArray<PrintfSpecifier> Specifiers { get; }

    public ImmutableArray<PrintfFormatError> Errors { get; }

    public bool HasErrors => !Errors.IsEmpty;

    /// <summary>Number of arguments the format consumes.</summary>
    public int ArgumentCount => Specifiers.Length;

    /// <summary>
    /// Checks the number of supplied arguments against the specifiers; returns bpftrace's message when they differ,
    /// e.g. <c>printf: Too many arguments for format string (2 supplied, 1 expected)</c>, or null when they match.
    /// </summary>
    public string? CheckArgumentCount(int supplied, string function = "printf")
    {
        if (supplied > ArgumentCount)
        {
            return $"{function}: Too many arguments for format string ({supplied} supplied, {ArgumentCount} expected)";
        }

        if (supplied < ArgumentCount)
        {
            return $"{function}: Not enough arguments for format string ({supplied} supplied, {ArgumentCount} expected)";
        }

        return null;
    }

    public static PrintfFormat Parse(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var segments = ImmutableArray.CreateBuilder<PrintfSegment>();
        var specifiers = ImmutableArray.CreateBuilder<PrintfSpecifier>();
        var errors = ImmutableArray.CreateBuilder<PrintfFormatError>();
        var literal = new StringBuilder();
        int literalStart = 0;
        int i = 0;

        void FlushLiteral(int end)
        {
            if (literal.Length > 0)
            {
                segments.Add(new PrintfLiteral(literal.ToString(), literalStart, end - literalStart));
                literal.Clear();
            }
        }

        while (i < format.Length)
        {
            char c = format[i];
            if (c != '%')
            {
                if (literal.Length == 0)
                {
                    literalStart = i;
                }

                literal.Append(c);
                i++;
                continue;
            }

            if (i + 1 < format.Length && format[i + 1] == '%')
            {
                if (literal.Length == 0)
                {
                    literalStart = i;
                }

                literal.Append('%');
                i += 2;
                continue;
            }

            FlushLiteral(i);
            int start = i;
            i++;
            var spec = ParseSpecifier(format, start, ref i, specifiers.Count, out var error);
            if (error is not null)
            {
                errors.Add(error);
                continue;
            }

            segments.Add(spec!);
            specifiers.Add(spec!);
        }

        FlushLiteral(format.Length);
        return new PrintfFormat(format, segments.ToImmutable(), specifiers.ToImmutable(), errors.ToImmutable());
    }

    private static PrintfSpecifier? ParseSpecifier(string s, int start, ref int i, int argumentIndex, out PrintfFormatError? error)
    {
        error = null;
        var flags = PrintfFlags.None;
        for (; i < s.Length; i++)
        {
            PrintfFlags flag = s[i] switch
            {
                '-' => PrintfFlags.LeftAlign,
                '0' => PrintfFlags.ZeroPad,
                '+' => PrintfFlags.Plus,
                ' ' => PrintfFlags.Space,
                '#' => PrintfFlags.Alternate,
                _ => PrintfFlags.None,
            };
            if (flag == PrintfFlags.None)
            {
                break;
            }

            flags |= flag;
        }

        int? width = null;
        if (i < s.Length && s[i] == '*')
        {
            error = new PrintfFormatError(start, i + 1 - start, "printf: '*' field widths are not supported; write the width in the format");
            i++;
            return null;
        }

        if (!TryReadNumber(s, ref i, out width, out bool widthOverflow) || widthOverflow)
        {
            error = new PrintfFormatError(start, i - start, "printf: field width is too large");
            return null;
        }

        int? precision = null;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            if (i < s.Length && s[i] == '*')
            {
                error = new PrintfFormatError(start, i + 1 - start, "printf: '*' precisions are not supported; write the precision in the format");
                i++;
                return null;
            }

            TryReadNumber(s, ref i, out precision, out bool precisionOverflow);
            if (precisionOverflow)
            {
                error = new PrintfFormatError(start, i - start, "printf: precision is too large");
                return null;
            }

            precision ??= 0;
        }

        var length = PrintfLengthModifier.None;
        if (i < s.Length)
        {
            switch (s[i])
            {
                case 'h':
                    length = i + 1 < s.Length && s[i + 1] == 'h' ? PrintfLengthModifier.Char : PrintfLengthModifier.Short;
                    i += length == PrintfLengthModifier.Char ? 2 : 1;
                    break;
                case 'l':
                    length = i + 1 < s.Length && s[i + 1] == 'l' ? PrintfLengthModifier.LongLong : PrintfLengthModifier.Long;
                    i += length == PrintfLengthModifier.LongLong ? 2 : 1;
                    break;
                case 'z':
                    length = PrintfLengthModifier.Size;
                    i++;
                    break;
                case 'j':
                    length = PrintfLengthModifier.IntMax;
                    i++;
                    break;
                case 't':
                    length = PrintfLengthModifier.PtrDiff;
                    i++;
                    break;
            }
        }

        if (i >= s.Length)
        {
            error = new PrintfFormatError(start, s.Length - start, $"printf: incomplete format specifier '{s[start..]}' at the end of the format string");
            return null;
        }

        PrintfConversion conversion;
        char conv = s[i];
        i++;
        switch (conv)
        {
            case 'd':
            case 'i':
                conversion = PrintfConversion.SignedDecimal;
                break;
            case 'u':
                conversion = PrintfConversion.UnsignedDecimal;
                break;
            case 'x':
                conversion = PrintfConversion.HexLower;
                break;
            case 'X':
                conversion = PrintfConversion.HexUpper;
                break;
            case 'o':
                conversion = PrintfConversion.Octal;
                break;
            case 's':
                conversion = PrintfConversion.String;
                break;
            case 'c':
                conversion = PrintfConversion.Char;
                break;
            case 'p':
                conversion = PrintfConversion.Pointer;
                break;
            case 'r':
                conversion = PrintfConversion.Buffer;
                if (i < s.Length && s[i] == 'x')
                {
                    conversion = PrintfConversion.BufferHex;
                    i++;
                }
                else if (i < s.Length && s[i] == 'h')
                {
                    conversion = PrintfConversion.BufferHexSpaced;
                    i++;
                }

                break;
            default:
                error = new PrintfFormatError(start, i - start, $"printf: invalid format specifier '{s[start..i]}'");
                return null;
        }

        if (length != PrintfLengthModifier.None &&
            conversion is PrintfConversion.String or PrintfConversion.Pointer or PrintfConversion.Buffer
                or PrintfConversion.BufferHex or PrintfConversion.BufferHexSpaced)
        {
            error = new PrintfFormatError(start, i - start, $"printf: length modifier not allowed in format specifier '{s[start..i]}'");
            return null;
        }

        return new PrintfSpecifier(start, i - start, argumentIndex, flags, width, precision, length, conversion);
    }

    private static bool TryReadNumber(string s, ref int i, out int? value, out bool overflow)
    {
        value = null;
        overflow = false;
        long n = 0;
        int begin = i;
        while (i < s.Length && s[i] >= '0' && s[i] <= '9')
        {
            n = n * 10 + (s[i] - '0');
            if (n > 1_000_000)
            {
                overflow = true;
            }

            i++;
        }

        if (i > begin && !overflow)
        {
            value = (int)n;
        }

        return true;
    }
}
