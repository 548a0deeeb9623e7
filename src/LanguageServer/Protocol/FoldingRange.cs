namespace BtLang.LanguageServer.Protocol;

/// <summary>A foldable line range (<c>kind</c>: <c>comment</c>, <c>imports</c>, <c>region</c> or null).</summary>
public sealed record FoldingRange(int StartLine, int EndLine, string? Kind);
