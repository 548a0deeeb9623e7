namespace BtLang.LanguageServer.Protocol;

/// <summary>A range between two positions (end exclusive).</summary>
public sealed record LspRange(Position Start, Position End);
