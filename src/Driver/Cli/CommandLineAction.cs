namespace BtLang.Driver.Cli;

/// <summary>What <see cref="CommandLineApp"/> does with a parse result.</summary>
public enum CommandLineAction
{
    /// <summary>Call the <see cref="IDriverHost"/> method for <see cref="DriverOptions.Mode"/>.</summary>
    Execute,

    /// <summary><c>-h</c> / <c>--help</c>: print the help text on stdout, exit 0.</summary>
    ShowHelp,

    /// <summary><c>-V</c> / <c>--version</c>: print the version on stdout, exit 0.</summary>
    ShowVersion,

    /// <summary>Print the errors (and the usage, when <see cref="CommandLineParseResult.ShowUsage"/>) on stderr, exit 1.</summary>
    Fail,
}
