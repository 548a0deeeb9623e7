namespace BtLang.LanguageServer.Protocol;

/// <summary>Code action capabilities of the server.</summary>
public sealed record CodeActionOptions(IReadOnlyList<string> CodeActionKinds);
