using System.Text.Json;

namespace BtLang.LanguageServer.Protocol;

/// <summary>The client's diagnostics at the range (unused: the server uses its own) and the wanted kinds.</summary>
public sealed class CodeActionContext
{
    public JsonElement? Diagnostics { get; init; }

    public IReadOnlyList<string>? Only { get; init; }
}
