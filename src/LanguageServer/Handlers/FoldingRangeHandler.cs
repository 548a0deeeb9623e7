using BtLang.LanguageServer.Protocol;
using BtLang.LanguageServer.Workspace;
using BtLang.Syntax;

namespace BtLang.LanguageServer.Handlers;

/// <summary><c>textDocument/foldingRange</c>: blocks, config blocks, multi-line comments, runs of line comments and of preprocessor lines.</summary>
internal static class FoldingRangeHandler
{
    public static FoldingRange[]? Handle(Document document, CancellationToken cancellationToken)
    {
        var lines = document.Lines;
        var root = document.Analysis.Root;
        var ranges = new List<FoldingRange>();
        foreach (var token in root.DescendantTokens())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (token.Kind == SyntaxKind.OpenBraceToken && token.Parent is { } parent)
            {
                var close = parent.ChildNodesAndTokens().Where(c => c.IsToken).Select(c => c.AsToken()).FirstOrDefault(t => t.Kind == SyntaxKind.CloseBraceToken && !t.IsMissing);
                if (close.Kind == SyntaxKind.CloseBraceToken)
                    Add(ranges, lines.GetLine(token.Span.Start), lines.GetLine(close.Span.Start) - 1, null);
            }
        }
        int commentStart = -1, commentEnd = -1;
        int directiveStart = -1, directiveEnd = -1;
        foreach (var token in root.DescendantTokens())
        {
            foreach (var trivia in token.LeadingTrivia.Concat(token.TrailingTrivia))
            {
                if (trivia.Kind == SyntaxKind.MultiLineCommentTrivia)
                {
                    Add(ranges, lines.GetLine(trivia.Span.Start), lines.GetLine(trivia.Span.End), "comment");
                }
                else if (trivia.Kind == SyntaxKind.SingleLineCommentTrivia)
                {
                    int line = lines.GetLine(trivia.Span.Start);
                    if (line == commentEnd + 1 && commentStart >= 0)
                    {
                        commentEnd = line;
                    }
                    else
                    {
                        Add(ranges, commentStart, commentEnd, "comment");
                        commentStart = commentEnd = line;
                    }
                }
            }
            if (token.Kind == SyntaxKind.PreprocessorDirectiveToken)
            {
                int line = lines.GetLine(token.Span.Start);
                if (line == directiveEnd + 1 && directiveStart >= 0)
                {
                    directiveEnd = lines.GetLine(token.Span.End);
                }
                else
                {
                    Add(ranges, directiveStart, directiveEnd, "imports");
                    directiveStart = line;
                    directiveEnd = lines.GetLine(token.Span.End);
                }
            }
        }
        Add(ranges, commentStart, commentEnd, "comment");
        Add(ranges, directiveStart, directiveEnd, "imports");
        return ranges.OrderBy(r => r.StartLine).ToArray();
    }

    private static void Add(List<FoldingRange> ranges, int start, int end, string? kind)
    {
        if (start >= 0 && end > start)
            ranges.Add(new FoldingRange(start, end, kind));
    }
}
