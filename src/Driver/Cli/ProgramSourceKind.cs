namespace BtLang.Driver.Cli;

/// <summary>Where a program's text came from.</summary>
public enum ProgramSourceKind
{
    /// <summary><c>-e 'PROGRAM'</c>.</summary>
    CommandLine,

    /// <summary>A script file named on the command line.</summary>
    File,

    /// <summary><c>-</c>: read from standard input.</summary>
    StandardInput,
}
