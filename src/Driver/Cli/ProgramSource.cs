namespace BtLang.Driver.Cli;

/// <summary>
/// The text of the program to compile, already read by the command line layer, and the name diagnostics show for it:
/// the file path for a script file, <c>stdin</c> for <c>-e</c> and <c>-</c> (as bpftrace does).
/// </summary>
public sealed record ProgramSource(ProgramSourceKind Kind, string Name, string Text)
{
    /// <summary>The name bpftrace uses in diagnostics for <c>-e</c> programs and standard input.</summary>
    public const string StdinName = "stdin";

    /// <summary>The script file's path, or null for <c>-e</c> and standard input.</summary>
    public string? FilePath => Kind == ProgramSourceKind.File ? Name : null;
}
