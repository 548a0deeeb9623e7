namespace BtLang.LanguageServer.Protocol;

/// <summary>Completion capabilities of the server.</summary>
public sealed record CompletionOptions(IReadOnlyList<string> TriggerCharacters, bool ResolveProvider);
