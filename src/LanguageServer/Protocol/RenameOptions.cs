namespace BtLang.LanguageServer.Protocol;

/// <summary>Rename capabilities of the server.</summary>
public sealed record RenameOptions(bool PrepareProvider);
