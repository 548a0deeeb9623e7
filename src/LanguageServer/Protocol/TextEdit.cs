namespace BtLang.LanguageServer.Protocol;

/// <summary>Replace <see cref="Range"/> with <see cref="NewText"/>.</summary>
public sealed record TextEdit(LspRange Range, string NewText);
