using BtLang.Diagnostics;

namespace BtLang.Semantics.Configuration;

/// <summary>
/// Rejected configuration values, from the environment or from a script's <c>config = { }</c> block. The IDs are in
/// the command line's range (BT3510..BT3515) because the environment variables were read there first. The compiler
/// reports a config block's errors as <see cref="SemanticDiagnostics.InvalidConfig"/> (BT1029) with these messages.
/// </summary>
public static class ConfigDiagnostics
{
    public static readonly DiagnosticDescriptor InvalidEnvironmentValue = new(
        "BT3510", DiagnosticSeverity.Error, "Invalid value in a configuration environment variable", "{0}");

    public static readonly DiagnosticDescriptor InvalidConfigValue = new(
        "BT3512", DiagnosticSeverity.Error, "Invalid value for a config variable", "{0}");

    public static readonly DiagnosticDescriptor UnknownConfigKey = new(
        "BT3513", DiagnosticSeverity.Error, "Unknown config variable", "{0}");

    public static readonly DiagnosticDescriptor RenamedConfigKey = new(
        "BT3514", DiagnosticSeverity.Error, "Config variable has been renamed", "{0}");

    public static readonly DiagnosticDescriptor EnvironmentOnlyConfigKey = new(
        "BT3515", DiagnosticSeverity.Error, "Config variable can only be set in the environment", "{0}");
}
