using BtLang.Semantics.ProbeCatalog.Providers;
using System.Globalization;
using BtLang.Semantics.Builtins;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.Semantics.Probes;

/// <summary>
/// Splits attach point text at top-level colons (quotes protect colons and spaces) and interprets the parts per
/// provider, with bpftrace's error messages. Pure: wildcard expansion against the running kernel happens elsewhere.
/// </summary>
public static class AttachPointParser
{
    /// <summary>Parses <paramref name="text"/>; returns null and sets <paramref name="error"/> when it is invalid.</summary>
    public static AttachPoint? Parse(string text, TextSpan span, out string? error)
    {
        error = null;
        var parts = Split(text);
        string providerText = parts[0];
        if (ProviderFacts.Parse(providerText) is not { } provider)
        {
            error = $"Invalid probe type: {providerText}";
            return null;
        }

        var point = new AttachPoint { Provider = provider, Text = text, Span = span };
        int args = parts.Count - 1;
        switch (provider)
        {
            case ProbeProviderKind.Begin:
            case ProbeProviderKind.End:
                if (args != 0)
                {
                    error = $"{providerText} probe type requires 0 arguments";
                    return null;
                }

                return point;

            case ProbeProviderKind.Tracepoint:
                if (args != 2 || parts[1].Length == 0 || parts[2].Length == 0)
                {
                    error = "tracepoint probe type requires 2 arguments";
                    return null;
                }

                return point with { Target = parts[1], Function = parts[2], HasWildcard = AttachPoint.ContainsWildcard(parts[1]) || AttachPoint.ContainsWildcard(parts[2]) };

            case ProbeProviderKind.RawTracepoint:
            case ProbeProviderKind.Kprobe:
            case ProbeProviderKind.Kretprobe:
            case ProbeProviderKind.Fentry:
            case ProbeProviderKind.Fexit:
                return ParseKernelFunction(point, parts, providerText, out error);

            case ProbeProviderKind.Uprobe:
            case ProbeProviderKind.Uretprobe:
                return ParseUprobe(point, parts, providerText, out error);

            case ProbeProviderKind.Usdt:
                if (args is < 2 or > 3)
                {
                    error = "usdt probe type requires 2 or 3 arguments";
                    return null;
                }

                return args == 2
                    ? point with { Target = parts[1], Function = parts[2], HasWildcard = AttachPoint.ContainsWildcard(parts[1]) || AttachPoint.ContainsWildcard(parts[2]) }
                    : point with { Target = parts[1], Namespace = parts[2], Function = parts[3], HasWildcard = AttachPoint.ContainsWildcard(parts[1]) || AttachPoint.ContainsWildcard(parts[2]) || AttachPoint.ContainsWildcard(parts[3]) };

            case ProbeProviderKind.Profile:
            case ProbeProviderKind.Interval:
                return ParseTimer(point, parts, providerText, out error);

            case ProbeProviderKind.Software:
            case ProbeProviderKind.Hardware:
                if (args is < 1 or > 2 || parts[1].Length == 0)
                {
                    error = $"{providerText} probe type requires 1 or 2 arguments";
                    return null;
                }

                ulong period = 0;
                if (args == 2 && !TryParseNumber(parts[2], out period))
                {
                    error = $"Invalid count for {providerText} probe: {parts[2]}";
                    return null;
                }

                return point with { Function = parts[1], Value = period };

            case ProbeProviderKind.Watchpoint:
                if (args != 3)
                {
                    error = "watchpoint probe type requires 3 arguments";
                    return null;
                }

                if (!TryParseNumber(parts[1], out ulong address))
                {
                    error = $"Invalid watchpoint address: {parts[1]}";
                    return null;
                }

                if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int length) || length is not (1 or 2 or 4 or 8))
                {
                    error = $"Invalid watchpoint length: {parts[2]} (must be 1, 2, 4 or 8)";
                    return null;
                }

                if (parts[3].Length == 0 || parts[3].Length > 3 || parts[3].Trim("rwx".ToCharArray()).Length != 0 || parts[3].Distinct().Count() != parts[3].Length)
                {
                    error = $"Invalid watchpoint mode: {parts[3]} (any of r, w, x)";
                    return null;
                }

                return point with { Address = address, Length = length, Mode = parts[3] };

            case ProbeProviderKind.Iter:
                if (args is < 1 or > 2)
                {
                    error = "iter probe type requires 1 or 2 arguments";
                    return null;
                }

                return point with { Function = parts[1], Target = args == 2 ? parts[2] : null };

            default:
                // self:signal:SIGUSR1, test:name, bench:name
                return point with { Target = args >= 2 ? parts[1] : null, Function = args >= 1 ? parts[^1] : null };
        }
    }

    /// <summary>Splits at colons outside double quotes and removes the quotes.</summary>
    public static List<string> Split(string text)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ':' && !quoted)
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        parts.Add(current.ToString());
        return parts;
    }

    private static AttachPoint? ParseKernelFunction(AttachPoint point, List<string> parts, string providerText, out string? error)
    {
        error = null;
        int args = parts.Count - 1;
        if (args is < 1 or > 2 || parts[^1].Length == 0)
        {
            error = $"{providerText} probe type requires 1 or 2 arguments";
            return null;
        }

        string function = parts[^1];
        string? module = args == 2 ? parts[1] : null;
        ulong offset = 0;
        int plus = function.IndexOf('+');
        if (plus > 0 && point.Provider == ProbeProviderKind.Kprobe)
        {
            if (!TryParseNumber(function[(plus + 1)..], out offset))
            {
                error = $"Invalid offset: {function[(plus + 1)..]}";
                return null;
            }

            function = function[..plus];
        }

        return point with { Target = module, Function = function, Offset = offset, HasWildcard = AttachPoint.ContainsWildcard(function) || AttachPoint.ContainsWildcard(module) };
    }

    private static AttachPoint? ParseUprobe(AttachPoint point, List<string> parts, string providerText, out string? error)
    {
        error = null;
        int args = parts.Count - 1;
        if (args < 2)
        {
            error = $"{providerText} probe type requires 2 arguments";
            return null;
        }

        string target = parts[1];
        string function = string.Join(':', parts.Skip(2));
        if (args == 3 && parts[2] is "cpp" or "c")
        {
            function = parts[3];
        }

        if (function.Length == 0 || target.Length == 0)
        {
            error = $"{providerText} probe type requires 2 arguments";
            return null;
        }

        if (function.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || char.IsAsciiDigit(function[0]))
        {
            if (!TryParseNumber(function, out ulong address))
            {
                error = $"Invalid address: {function}";
                return null;
            }

            return point with { Target = target, Address = address, HasWildcard = AttachPoint.ContainsWildcard(target) };
        }

        ulong offset = 0;
        int plus = function.LastIndexOf('+');
        if (plus > 0)
        {
            if (!TryParseNumber(function[(plus + 1)..], out offset))
            {
                error = $"Invalid offset: {function[(plus + 1)..]}";
                return null;
            }

            function = function[..plus];
        }

        return point with { Target = target, Function = function, Offset = offset, HasWildcard = AttachPoint.ContainsWildcard(target) || AttachPoint.ContainsWildcard(function) };
    }

    private static AttachPoint? ParseTimer(AttachPoint point, List<string> parts, string providerText, out string? error)
    {
        error = null;
        int args = parts.Count - 1;
        string unit;
        string valueText;
        if (args == 2)
        {
            unit = parts[1];
            valueText = parts[2];
        }
        else if (args == 1)
        {
            // interval:1s, profile:99hz, interval:100ms, or bare nanoseconds.
            string text = parts[1];
            int digits = 0;
            while (digits < text.Length && (char.IsAsciiDigit(text[digits]) || text[digits] == '_'))
            {
                digits++;
            }

            valueText = text[..digits];
            unit = digits == text.Length ? "ns" : text[digits..];
        }
        else
        {
            error = $"{providerText} probe type requires 2 arguments";
            return null;
        }

        if (unit is not ("hz" or "s" or "ms" or "us" or "ns" or "m" or "h" or "d"))
        {
            error = $"Invalid time unit: {unit}";
            return null;
        }

        if (!TryParseNumber(valueText, out ulong value) || value == 0)
        {
            error = $"Invalid rate of {providerText} probe: {valueText}";
            return null;
        }

        // Canonicalise the minute/hour/day durations of bpftrace 0.24 to seconds.
        (unit, value) = unit switch
        {
            "m" => ("s", value * 60),
            "h" => ("s", value * 3600),
            "d" => ("s", value * 86400),
            _ => (unit, value),
        };
        return point with { Unit = unit, Value = value };
    }

    internal static bool TryParseNumber(string text, out ulong value)
    {
        text = text.Replace("_", string.Empty, StringComparison.Ordinal);
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
