using BtLang.Diagnostics;

namespace BtLang.Driver.Cli;

/// <summary>
/// Diagnostics of the command line and the configuration variables. IDs BT3100-BT3199 belong to this layer.
/// Messages follow bpftrace's and getopt's wording where bpftrace has one.
/// </summary>
public static class CliDiagnostics
{
    public static readonly DiagnosticDescriptor UnrecognizedOption = new(
        "BT3100", DiagnosticSeverity.Error, "Unrecognized command line option", "{0}");

    public static readonly DiagnosticDescriptor MissingOptionArgument = new(
        "BT3101", DiagnosticSeverity.Error, "Command line option requires an argument", "{0}");

    public static readonly DiagnosticDescriptor UnexpectedOptionArgument = new(
        "BT3102", DiagnosticSeverity.Error, "Command line option takes no argument", "{0}");

    public static readonly DiagnosticDescriptor AmbiguousOption = new(
        "BT3103", DiagnosticSeverity.Error, "Ambiguous abbreviation of a long option", "{0}");

    public static readonly DiagnosticDescriptor InvalidOptionValue = new(
        "BT3104", DiagnosticSeverity.Error, "Invalid value for a command line option", "{0}");

    public static readonly DiagnosticDescriptor ConflictingOptions = new(
        "BT3105", DiagnosticSeverity.Error, "Command line options that cannot be used together", "{0}");

    public static readonly DiagnosticDescriptor MissingProgram = new(
        "BT3106", DiagnosticSeverity.Error, "No program given", "{0}");

    public static readonly DiagnosticDescriptor CannotReadFile = new(
        "BT3107", DiagnosticSeverity.Error, "Input file cannot be read", "failed to open file '{0}': {1}");

    public static readonly DiagnosticDescriptor UnexpectedArgument = new(
        "BT3108", DiagnosticSeverity.Error, "Unexpected command line argument", "{0}");

    public static readonly DiagnosticDescriptor OptionNotValidHere = new(
        "BT3109", DiagnosticSeverity.Error, "Option not valid for this command", "{0}");

    public static readonly DiagnosticDescriptor InvalidEnvironmentValue = new(
        "BT3110", DiagnosticSeverity.Error, "Invalid value in a configuration environment variable", "{0}");

    public static readonly DiagnosticDescriptor EnvironmentWarning = new(
        "BT3111", DiagnosticSeverity.Warning, "Ignored value in an environment variable", "{0}");

    public static readonly DiagnosticDescriptor InvalidConfigValue = new(
        "BT3112", DiagnosticSeverity.Error, "Invalid value for a config variable", "{0}");

    public static readonly DiagnosticDescriptor UnknownConfigKey = new(
        "BT3113", DiagnosticSeverity.Error, "Unknown config variable", "{0}");

    public static readonly DiagnosticDescriptor RenamedConfigKey = new(
        "BT3114", DiagnosticSeverity.Error, "Config variable has been renamed", "{0}");

    public static readonly DiagnosticDescriptor EnvironmentOnlyConfigKey = new(
        "BT3115", DiagnosticSeverity.Error, "Config variable can only be set in the environment", "{0}");

    public static readonly DiagnosticDescriptor ListPatternLooksLikeAFile = new(
        "BT3116", DiagnosticSeverity.Warning, "A listing pattern looks like a missing file name",
        "It appears that '{0}' is a filename but the file does not exist. Treating '{0}' as a search pattern.");
}
