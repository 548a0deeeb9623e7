namespace BtLang.LanguageServer.Protocol;

/// <summary>Signature help capabilities of the server.</summary>
public sealed record SignatureHelpOptions(IReadOnlyList<string> TriggerCharacters, IReadOnlyList<string> RetriggerCharacters);
