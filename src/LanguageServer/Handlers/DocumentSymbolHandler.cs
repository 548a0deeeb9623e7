using BtLang.LanguageServer.Protocol;
using BtLang.LanguageServer.Workspace;
using BtLang.Syntax;

namespace BtLang.LanguageServer.Handlers;

/// <summary><c>textDocument/documentSymbol</c>: probes (named by their attach points), macros, config blocks and maps.</summary>
internal static class DocumentSymbolHandler
{
    public static DocumentSymbol[]? Handle(Document document, CancellationToken cancellationToken)
    {
        var lines = document.Lines;
        var analysis = document.Analysis;
        var symbols = new List<DocumentSymbol>();
        foreach (var member in analysis.Root.Members)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (member)
            {
                case ProbeSyntax probe:
                {
                    string name = string.Join(", ", probe.AttachPoints.Select(a => a.ToString().Trim()).Where(t => t.Length > 0));
                    if (name.Length == 0)
                        name = "probe";
                    var selection = probe.AttachPoints.Count > 0 ? probe.AttachPoints.Span : probe.Body.OpenBraceToken.Span;
                    symbols.Add(new DocumentSymbol(name, probe.Predicate?.ToString().Trim(), SymbolKind.Event,
                        lines.GetRange(probe.Span), lines.GetRange(selection), null));
                    break;
                }
                case MacroDefinitionSyntax macro when !macro.Identifier.IsMissing:
                    symbols.Add(new DocumentSymbol(macro.Identifier.Text, "macro", SymbolKind.Function,
                        lines.GetRange(macro.Span), lines.GetRange(macro.Identifier.Span), null));
                    break;
                case ConfigBlockSyntax config:
                    symbols.Add(new DocumentSymbol("config", null, SymbolKind.Module,
                        lines.GetRange(config.Span), lines.GetRange(config.ConfigKeyword.Span), null));
                    break;
            }
        }
        foreach (var (name, span, detail) in analysis.MapsForOutline(cancellationToken))
            symbols.Add(new DocumentSymbol(name, detail, SymbolKind.Variable, lines.GetRange(span), lines.GetRange(span), null));
        return symbols.OrderBy(s => s.Range.Start.Line).ThenBy(s => s.Range.Start.Character).ToArray();
    }
}
