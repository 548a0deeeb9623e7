namespace BtLang.Driver.Cli;

/// <summary>Which help text applies: the main command's or a subcommand's.</summary>
public enum HelpTopic
{
    /// <summary><c>btlang --help</c>.</summary>
    Main,

    /// <summary><c>btlang compile --help</c>.</summary>
    Compile,

    /// <summary><c>btlang run --help</c>.</summary>
    Run,
}
