namespace BtLang.LanguageServer.Protocol;

/// <summary>Relative-encoded semantic tokens (5 integers per token).</summary>
public sealed record SemanticTokens(IReadOnlyList<int> Data);
