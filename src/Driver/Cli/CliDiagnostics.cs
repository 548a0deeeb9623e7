using BtLang.Diagnostics;
using BtLang.Semantics.Configuration;

namespace BtLang.Driver.Cli;

/// <summary>
/// Diagnostics of the command line and the configuration variables. IDs BT3500-BT3599 belong to this layer.
/// Messages follow bpftrace's and getopt's wording where bpftrace has one. The configuration errors are
/// <see cref="ConfigDiagnostics"/>'s (the compiler reports them too), named here as well.
/// </summary>
public static class CliDiagnostics
{
    public static readonly DiagnosticDescriptor UnrecognizedOption = new(
        "BT3500", DiagnosticSeverity.Error, "Unrecognized command line option", "{0}");

    public static readonly DiagnosticDescriptor MissingOptionArgument = new(
        "BT3501", DiagnosticSeverity.Error, "Command line option requires an argument", "{0}");

    public static readonly DiagnosticDescriptor UnexpectedOptionArgument = new(
        "BT3502", DiagnosticSeverity.Error, "Command line option takes no argument", "{0}");

    public static readonly DiagnosticDescriptor AmbiguousOption = new(
        "BT3503", DiagnosticSeverity.Error, "Ambiguous abbreviation of a long option", "{0}");

    public static readonly DiagnosticDescriptor InvalidOptionValue = new(
        "BT3504", DiagnosticSeverity.Error, "Invalid value for a command line option", "{0}");

    public static readonly DiagnosticDescriptor ConflictingOptions = new(
        "BT3505", DiagnosticSeverity.Error, "Command line options that cannot be used together", "{0}");

    public static readonly DiagnosticDescriptor MissingProgram = new(
        "BT3506", DiagnosticSeverity.Error, "No program given", "{0}");

    public static readonly DiagnosticDescriptor CannotReadFile = new(
        "BT3507", DiagnosticSeverity.Error, "Input file cannot be read", "failed to open file '{0}': {1}");

    public static readonly DiagnosticDescriptor UnexpectedArgument = new(
        "BT3508", DiagnosticSeverity.Error, "Unexpected command line argument", "{0}");

    public static readonly DiagnosticDescriptor OptionNotValidHere = new(
        "BT3509", DiagnosticSeverity.Error, "Option not valid for this command", "{0}");

    public static readonly DiagnosticDescriptor InvalidEnvironmentValue = ConfigDiagnostics.InvalidEnvironmentValue;

    public static readonly DiagnosticDescriptor EnvironmentWarning = new(
        "BT3511", DiagnosticSeverity.Warning, "Ignored value in an environment variable", "{0}");

    public static readonly DiagnosticDescriptor InvalidConfigValue = ConfigDiagnostics.InvalidConfigValue;

    public static readonly DiagnosticDescriptor UnknownConfigKey = ConfigDiagnostics.UnknownConfigKey;

    public static readonly DiagnosticDescriptor RenamedConfigKey = ConfigDiagnostics.RenamedConfigKey;

    public static readonly DiagnosticDescriptor EnvironmentOnlyConfigKey = ConfigDiagnostics.EnvironmentOnlyConfigKey;

    public static readonly DiagnosticDescriptor ListPatternLooksLikeAFile = new(
        "BT3516", DiagnosticSeverity.Warning, "A listing pattern looks like a missing file name",
        "It appears that '{0}' is a filename but the file does not exist. Treating '{0}' as a search pattern.");

    public static readonly DiagnosticDescriptor CommandCannotRun = new(
        "BT3517", DiagnosticSeverity.Error, "The -c command cannot be run", "failed to run command '{0}': {1}");

    public static readonly DiagnosticDescriptor ProcessNotFound = new(
        "BT3518", DiagnosticSeverity.Error, "The -p process does not exist", "process with pid {0} does not exist (-p {0})");
}
