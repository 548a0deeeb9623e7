namespace BtLang.LanguageServer.Protocol;

/// <summary>Semantic token capabilities of the server (whole document only).</summary>
public sealed record SemanticTokensOptions(SemanticTokensLegend Legend, bool Full, bool Range);
