namespace BtLang.LanguageServer.Protocol;

/// <summary>Names of the token types and modifiers used in semantic token data.</summary>
public sealed record SemanticTokensLegend(IReadOnlyList<string> TokenTypes, IReadOnlyList<string> TokenModifiers);
