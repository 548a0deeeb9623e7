using System.Globalization;
using System.Text;

namespace BtLang.Syntax.Parsing;

/// <summary>Computes the values of integer and string literals as bpftrace does.</summary>
internal static class LiteralParser
{
    private static readonly (string Suffix, ulong Nanoseconds)[] Durations =
    {
        ("ns", 1UL),
        ("us", 1_000UL),
        ("ms", 1_000_000UL),
        ("s", 1_000_000_000UL),
        ("m", 60UL * 1_000_000_000UL),
        ("h", 3_600UL * 1_000_000_000UL),
        ("d", 86_400UL * 1_000_000_000UL),
    };

    private static readonly string[] IntegerSuffixes = { "ull", "llu", "ul", "lu", "ll", "u", "l" };

    /// <summary>
    /// Parses <c>123</c>, <c>0x1f</c>, <c>017</c> (octal), <c>1_000</c>, <c>2e3</c>, C suffixes (<c>10UL</c>) and
    /// durations (<c>10ms</c> = 10,000,000 ns). Returns false with <paramref name="overflow"/> set if the value does not fit.
    /// </summary>
    public static bool TryParseInteger(string text, out ulong value, out bool overflow)
    {
        value = 0;
        overflow = false;
        if (text.Length == 0 || !char.IsAsciiDigit(text[0]))
        {
            return false;
        }

        if (text.Length > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        {
            string hex = StripIntegerSuffix(text.Substring(2)).Replace("_", string.Empty);
            if (hex.Length == 0 || !hex.All(char.IsAsciiHexDigit))
            {
                return false;
            }

            if (hex.TrimStart('0').Length > 16)
            {
                overflow = true;
                return false;
            }

            value = ulong.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            return true;
        }

        string body = text;
        ulong multiplier = 1;
        string lower = body.ToLowerInvariant();
        bool hasDuration = false;
        foreach (var (suffix, nanoseconds) in Durations)
        {
            // "ms" before "s": Durations is ordered so two-letter suffixes come first for "s"/"m".
            if (lower.EndsWith(suffix, StringComparison.Ordinal) && lower.Length > suffix.Length && char.IsAsciiDigit(lower[^(suffix.Length + 1)]))
            {
                body = body.Substring(0, body.Length - suffix.Length);
                multiplier = nanoseconds;
                hasDuration = true;
                break;
            }
        }

        if (!hasDuration)
        {
            body = StripIntegerSuffix(body);
        }

        body = body.Replace("_", string.Empty);
        int exponent = 0;
        int e = body.IndexOfAny(new[] { 'e', 'E' });
        if (e >= 0)
        {
            string exponentText = body.Substring(e + 1);
            if (exponentText.Length == 0 || !exponentText.All(char.IsAsciiDigit) || exponentText.Length > 3)
            {
                return false;
            }

            exponent = int.Parse(exponentText, CultureInfo.InvariantCulture);
            body = body.Substring(0, e);
        }

        if (body.Length == 0 || !body.All(char.IsAsciiDigit))
        {
            return false;
        }

        bool octal = body.Length > 1 && body[0] == '0' && e < 0;
        try
        {
            ulong number;
            if (octal)
            {
                number = 0;
                foreach (char c in body)
                {
                    if (c > '7')
                    {
                        return false;
                    }

                    number = checked((number * 8) + (ulong)(c - '0'));
                }
            }
            else if (!ulong.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out number))
            {
                overflow = true;
                return false;
            }

            for (int i = 0; i < exponent; i++)
            {
                number = checked(number * 10);
            }

            value = checked(number * multiplier);
            return true;
        }
        catch (OverflowException)
        {
            overflow = true;
            return false;
        }
    }

    /// <summary>
    /// Unescapes a string literal's text (with its quotes). Reports the first bad escape in <paramref name="badEscape"/>.
    /// </summary>
    public static string UnescapeString(string text, out string? badEscape)
    {
        badEscape = null;
        int start = text.Length > 0 && text[0] == '"' ? 1 : 0;
        int end = text.Length;
        if (end - start >= 1 && text[end - 1] == '"' && !IsEscapedQuoteAtEnd(text))
        {
            end--;
        }

        var builder = new StringBuilder(end - start);
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (c != '\\' || i + 1 >= end)
            {
                builder.Append(c);
                continue;
            }

            char next = text[++i];
            switch (next)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case 'a': builder.Append('\a'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'v': builder.Append('\v'); break;
                case 'e': builder.Append('\u001b'); break;
                case '\\': builder.Append('\\'); break;
                case '"': builder.Append('"'); break;
                case '\'': builder.Append('\''); break;
                case '?': builder.Append('?'); break;
                case 'x':
                    {
                        int digits = 0;
                        int number = 0;
                        while (digits < 2 && i + 1 < end && char.IsAsciiHexDigit(text[i + 1]))
                        {
                            number = (number * 16) + Convert.ToInt32(text[++i].ToString(), 16);
                            digits++;
                        }

                        if (digits == 0)
                        {
                            badEscape ??= "\\x";
                            builder.Append("\\x");
                        }
                        else
                        {
                            builder.Append(StringLiteralBytes.EscapedByte(number));
                        }

                        break;
                    }

                default:
                    if (next >= '0' && next <= '7')
                    {
                        int number = next - '0';
                        int digits = 1;
                        while (digits < 3 && i + 1 < end && text[i + 1] >= '0' && text[i + 1] <= '7')
                        {
                            number = (number * 8) + (text[++i] - '0');
                            digits++;
                        }

                        builder.Append(StringLiteralBytes.EscapedByte(number & 0xff));
                    }
                    else
                    {
                        badEscape ??= "\\" + next;
                        builder.Append('\\').Append(next);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>True if the string literal text has a closing quote.</summary>
    public static bool IsTerminated(string text) => text.Length >= 2 && text[^1] == '"' && !IsEscapedQuoteAtEnd(text);

    private static bool IsEscapedQuoteAtEnd(string text)
    {
        int backslashes = 0;
        for (int i = text.Length - 2; i >= 1 && text[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    private static string StripIntegerSuffix(string text)
    {
        string lower = text.ToLowerInvariant();
        foreach (var suffix in IntegerSuffixes)
        {
            if (lower.EndsWith(suffix, StringComparison.Ordinal) && lower.Length > suffix.Length)
            {
                return text.Substring(0, text.Length - suffix.Length);
            }
        }

        return text;
    }
}
