namespace BtLang.Semantics.Configuration;

/// <summary>
/// One configuration variable: its canonical key (<c>max_strlen</c>), an optional legacy key still read from the
/// environment (<c>strlen</c>), whether only the environment may set it, and how a text value is applied.
/// <see cref="Apply"/> returns the updated settings, or null and an error detail.
/// </summary>
public sealed record ConfigVariable(
    string Key,
    string? LegacyKey,
    bool EnvironmentOnly,
    Func<ConfigSettings, string, (ConfigSettings? Settings, string? Error)> Apply)
{
    public string EnvironmentSuffix => Key.ToUpperInvariant();
}
