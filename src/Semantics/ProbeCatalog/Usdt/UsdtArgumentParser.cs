using System.Collections.Immutable;
using System.Globalization;

namespace BtLang.Semantics.ProbeCatalog.Usdt;

/// <summary>Parses x86-64 USDT argument specs (the <c>sys/sdt.h</c> operand strings).</summary>
public static class UsdtArgumentParser
{
    private static readonly Dictionary<string, string> Registers64 = BuildRegisterMap();

    /// <summary>Parses a whole spec string (<c>-4@%edi 8@%rax</c>). Returns false if any argument is malformed.</summary>
    public static bool TryParseAll(string specs, out ImmutableArray<UsdtArgument> arguments)
    {
        var builder = ImmutableArray.CreateBuilder<UsdtArgument>();
        foreach (var spec in specs.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryParse(spec, out var argument))
            {
                arguments = [];
                return false;
            }
            builder.Add(argument);
        }
        arguments = builder.ToImmutable();
        return true;
    }

    /// <summary>Parses one argument spec such as <c>-4@-20(%rbp)</c>.</summary>
    public static bool TryParse(string spec, out UsdtArgument argument)
    {
        argument = null!;
        int at = spec.IndexOf('@');
        int size = 8;
        bool signed = false;
        string operand = spec;
        if (at > 0)
        {
            if (!int.TryParse(spec.AsSpan(0, at), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out size) || size == 0)
                return false;
            signed = size < 0;
            size = Math.Abs(size);
            if (size is not (1 or 2 or 4 or 8))
                return false;
            operand = spec[(at + 1)..];
        }
        if (operand.Length == 0)
            return false;

        if (operand[0] == '$')
        {
            if (!TryParseInteger(operand[1..], out long value))
                return false;
            argument = new UsdtArgument(spec, size, signed, UsdtArgumentKind.Constant, null, null, value, null, 1, null);
            return true;
        }
        if (operand[0] == '%')
        {
            string register = operand[1..];
            if (!Registers64.TryGetValue(register, out var register64))
                return false;
            argument = new UsdtArgument(spec, size, signed, UsdtArgumentKind.Register, register, register64, 0, null, 1, null);
            return true;
        }

        int open = operand.IndexOf('(');
        if (open < 0 || !operand.EndsWith(')'))
            return false;
        string displacement = operand[..open];
        string[] inside = operand[(open + 1)..^1].Split(',');
        if (inside.Length is not (1 or 3) || !inside[0].StartsWith('%'))
            return false;
        string baseRegister = inside[0][1..];
        if (!Registers64.TryGetValue(baseRegister, out var base64))
            return false;
        long offset = 0;
        string? symbol = null;
        if (displacement.Length > 0 && !TryParseInteger(displacement, out offset))
        {
            // "sym(%rip)" or "sym+8(%rip)": a symbol-relative operand.
            int plus = displacement.LastIndexOfAny(['+', '-']);
            if (plus > 0 && TryParseInteger(displacement[plus..].TrimStart('+'), out offset))
                symbol = displacement[..plus];
            else
                symbol = displacement;
        }
        string? index = null;
        int scale = 1;
        if (inside.Length == 3)
        {
            string indexText = inside[1].Trim();
            if (!indexText.StartsWith('%') || !Registers64.TryGetValue(indexText[1..], out var index64))
                return false;
            index = index64;
            if (!int.TryParse(inside[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out scale) || scale is not (1 or 2 or 4 or 8))
                return false;
        }
        argument = new UsdtArgument(spec, size, signed, UsdtArgumentKind.Memory, baseRegister, base64, offset, index, scale, symbol);
        return true;
    }

    private static bool TryParseInteger(string text, out long value)
    {
        bool negative = text.StartsWith('-');
        string digits = negative || text.StartsWith('+') ? text[1..] : text;
        bool ok = digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(digits.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
            : long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        if (negative)
            value = -value;
        return ok && digits.Length > 0;
    }

    private static Dictionary<string, string> BuildRegisterMap()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string r64, params string[] aliases)
        {
            map[r64] = r64;
            foreach (var alias in aliases)
                map[alias] = r64;
        }
        Add("rax", "eax", "ax", "al", "ah");
        Add("rbx", "ebx", "bx", "bl", "bh");
        Add("rcx", "ecx", "cx", "cl", "ch");
        Add("rdx", "edx", "dx", "dl", "dh");
        Add("rsi", "esi", "si", "sil");
        Add("rdi", "edi", "di", "dil");
        Add("rbp", "ebp", "bp", "bpl");
        Add("rsp", "esp", "sp", "spl");
        Add("rip", "eip", "ip");
        for (int i = 8; i <= 15; i++)
            Add($"r{i}", $"r{i}d", $"r{i}w", $"r{i}b");
        return map;
    }
}
