using BtLang.Diagnostics;

namespace BtLang.Driver.Cli;

/// <summary>One result of scanning argv: an option with its value, an operand, or the error that stopped the scan.</summary>
internal sealed record GetoptItem(
    OptionSpec? Option,
    string? Value,
    string Spelling,
    string? Operand,
    bool AfterDoubleDash,
    Diagnostic? Error)
{
    public static GetoptItem ForOption(OptionSpec option, string? value, string spelling) =>
        new(option, value, spelling, null, false, null);

    public static GetoptItem ForOperand(string operand, bool afterDoubleDash) =>
        new(null, null, operand, operand, afterDoubleDash, null);

    public static GetoptItem ForError(Diagnostic error) => new(null, null, string.Empty, null, false, error);
}
