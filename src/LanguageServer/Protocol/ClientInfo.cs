namespace BtLang.LanguageServer.Protocol;

/// <summary>The client's name and version.</summary>
public sealed class ClientInfo
{
    public string Name { get; init; } = string.Empty;

    public string? Version { get; init; }
}
