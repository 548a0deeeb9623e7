using BtLang.LanguageServer.Protocol;
using BtLang.LanguageServer.Workspace;

namespace BtLang.LanguageServer.Handlers;

/// <summary>Go to definition, find references and document highlights for maps and scratch variables.</summary>
internal static class SymbolHandler
{
    public static LspLocation[]? Definition(Document document, Position position, CancellationToken cancellationToken)
    {
        var occurrences = At(document, position, cancellationToken);
        return occurrences?.Definitions.Select(span => new LspLocation(document.Uri, document.Lines.GetRange(span))).ToArray();
    }

    public static LspLocation[]? References(Document document, Position position, bool includeDeclaration, CancellationToken cancellationToken)
    {
        var occurrences = At(document, position, cancellationToken);
        if (occurrences is null)
            return null;
        return occurrences.References
            .Where(span => includeDeclaration || !occurrences.Definitions.Contains(span))
            .Select(span => new LspLocation(document.Uri, document.Lines.GetRange(span)))
            .ToArray();
    }

    public static DocumentHighlight[]? Highlights(Document document, Position position, CancellationToken cancellationToken)
    {
        var occurrences = At(document, position, cancellationToken);
        return occurrences?.References
            .Select(span => new DocumentHighlight(document.Lines.GetRange(span), occurrences.Writes.Contains(span) ? DocumentHighlightKind.Write : DocumentHighlightKind.Read))
            .ToArray();
    }

    internal static SymbolOccurrences? At(Document document, Position position, CancellationToken cancellationToken)
    {
        var analysis = document.Analysis;
        var token = SyntaxQueries.TokenAt(analysis.Root, document.Lines.GetOffset(position));
        return analysis.GetOccurrences(token, cancellationToken);
    }
}
