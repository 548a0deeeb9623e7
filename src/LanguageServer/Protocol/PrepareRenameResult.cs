namespace BtLang.LanguageServer.Protocol;

/// <summary>The range that will be renamed and its current text.</summary>
public sealed record PrepareRenameResult(LspRange Range, string Placeholder);
