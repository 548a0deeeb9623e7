using System.Globalization;
using System.Text.RegularExpressions;

namespace BtLang.Emit.Llvm;

/// <summary>
/// A message LLVM reported through the context's diagnostic handler (for example "BPF stack limit is exceeded"),
/// or a failure of verification or emission. The code generator turns these into BT2xxx diagnostics; when the
/// offending instruction had a debug location, <see cref="Line"/> and <see cref="Column"/> point into the script.
/// </summary>
/// <param name="Severity">Error, warning, remark or note.</param>
/// <param name="Message">LLVM's text, e.g. <c>stdin:3:5: in function bt_p0 i32 (ptr): Looks like the BPF stack limit...</c>.</param>
internal sealed partial record LlvmDiagnostic(LlvmDiagnosticSeverity Severity, string Message)
{
    public bool IsError => Severity == LlvmDiagnosticSeverity.Error;

    /// <summary>1-based script line of the instruction LLVM complained about, or null when unknown.</summary>
    public int? Line => Parse().Line;

    /// <summary>1-based column, or null when unknown.</summary>
    public int? Column => Parse().Column;

    /// <summary>The BPF program (function) the message is about, or null.</summary>
    public string? Function => Parse().Function;

    /// <summary>The message without the location and function prefix.</summary>
    public string Text => Parse().Text;

    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()}: {Message}";

    private (int? Line, int? Column, string? Function, string Text) Parse()
    {
        string text = Message;
        int? line = null;
        int? column = null;
        Match location = LocationRegex().Match(text);
        if (location.Success)
        {
            int l = int.Parse(location.Groups["line"].Value, CultureInfo.InvariantCulture);
            int c = int.Parse(location.Groups["column"].Value, CultureInfo.InvariantCulture);
            line = l > 0 ? l : null;
            column = l > 0 && c > 0 ? c : null;
            text = text[location.Length..];
        }

        string? function = null;
        Match inFunction = FunctionRegex().Match(text);
        if (inFunction.Success)
        {
            function = inFunction.Groups["function"].Value;
            text = text[inFunction.Length..];
        }

        return (line, column, function, text);
    }

    [GeneratedRegex(@"^[^\n]*?:(?<line>\d+):(?<column>\d+): ")]
    private static partial Regex LocationRegex();

    [GeneratedRegex(@"^in function (?<function>\S+) [^:]*: ")]
    private static partial Regex FunctionRegex();
}
