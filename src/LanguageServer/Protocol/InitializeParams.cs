using System.Text.Json;

namespace BtLang.LanguageServer.Protocol;

/// <summary><c>initialize</c> parameters (only what the server reads).</summary>
public sealed class InitializeParams
{
    public int? ProcessId { get; init; }

    public string? RootUri { get; init; }

    public JsonElement? Capabilities { get; init; }

    public JsonElement? InitializationOptions { get; init; }

    public ClientInfo? ClientInfo { get; init; }
}
