using System.Text;
using BtLang.LanguageServer.Protocol;
using BtLang.LanguageServer.Server;
using BtLang.LanguageServer.Workspace;
using BtLang.Semantics.Builtins;
using BtLang.Semantics.ProbeCatalog.Providers;
using ProbeProvider = BtLang.Semantics.ProbeCatalog.Providers.ProbeProvider;
using BtLang.Syntax;

namespace BtLang.LanguageServer.Handlers;

/// <summary>
/// <c>textDocument/hover</c>: maps with their key and value types, variables with their type, builtins and functions
/// with signature and documentation, attach points with their provider and tracepoint fields (or kernel function
/// signature), and the type of any other expression.
/// </summary>
internal static class HoverHandler
{
    public static Hover? Handle(Document document, Position position, FeatureContext features, CancellationToken cancellationToken)
    {
        var analysis = document.Analysis;
        int offset = document.Lines.GetOffset(position);
        var token = SyntaxQueries.TokenAt(analysis.Root, offset);
        if (token.Kind == SyntaxKind.None)
            return null;
        string? markdown = token.Kind switch
        {
            SyntaxKind.MapToken or SyntaxKind.VariableToken => Symbol(analysis, token, cancellationToken),
            SyntaxKind.IdentifierToken => Identifier(analysis, token, cancellationToken),
            SyntaxKind.AttachPointPartToken or SyntaxKind.ColonToken when token.Parent is AttachPointSyntax attachPoint => AttachPoint(attachPoint, token, features),
            _ => Expression(analysis, token, cancellationToken),
        };
        return markdown is null ? null : new Hover(MarkupContent.Markdown(markdown), document.Lines.GetRange(token.Span));
    }

    private static string? Symbol(DocumentAnalysis analysis, SyntaxToken token, CancellationToken cancellationToken)
    {
        var occurrences = analysis.GetOccurrences(token, cancellationToken);
        if (occurrences is null)
            return null;
        string kind = occurrences.IsMap ? "map" : "scratch variable";
        return $"```\n{occurrences.Display}\n```\n{kind}, {occurrences.References.Length} mention{(occurrences.References.Length == 1 ? "" : "s")}";
    }

    private static string? Identifier(DocumentAnalysis analysis, SyntaxToken token, CancellationToken cancellationToken)
    {
        BuiltinInfo? info = token.Parent is CallExpressionSyntax
            ? BuiltinCatalog.FindFunction(token.Text)
            : BuiltinCatalog.FindVariable(token.Text) ?? BuiltinCatalog.FindFunction(token.Text);
        var text = new StringBuilder();
        if (info is not null)
            text.Append(BuiltinDocs.Markdown(info));
        if (token.Parent is ExpressionSyntax expression && analysis.TypeOf(expression, cancellationToken) is { } type && info is { IsFunction: false })
            text.Append($"\n\nType here: `{type}`");
        if (text.Length == 0)
            return Expression(analysis, token, cancellationToken);
        return text.ToString();
    }

    private static string? Expression(DocumentAnalysis analysis, SyntaxToken token, CancellationToken cancellationToken)
    {
        for (var node = token.Parent; node is not null and not StatementSyntax and not MemberSyntax; node = node.Parent)
        {
            if (node is ExpressionSyntax && analysis.TypeOf(node, cancellationToken) is { } type)
            {
                string code = node.ToString();
                if (code.Length > 60)
                    code = code[..57] + "...";
                return $"```\n{code}: {type}\n```";
            }
        }
        return null;
    }

    private static string? AttachPoint(AttachPointSyntax attachPoint, SyntaxToken token, FeatureContext features)
    {
        string text = SyntaxQueries.AttachPointText(attachPoint);
        int colon = text.IndexOf(':');
        string providerName = colon < 0 ? text : text[..colon];
        if (!ProbeProviders.TryGet(providerName, out var provider))
            return null;
        var markdown = new StringBuilder();
        markdown.Append($"**{provider.Name}**: {provider.Description}\n\n`{provider.Syntax}`");
        if (provider.Aliases.Length > 0)
            markdown.Append($" (also {string.Join(", ", provider.Aliases.Select(a => $"`{a}`"))})");
        var fields = ProbeArguments.Of(text, features.Catalog).ToList();
        if (fields.Count > 0)
        {
            markdown.Append($"\n\n`args` of `{fields[0].Source}`:\n```c\n");
            foreach (var field in fields)
                markdown.Append(field.Declaration).Append(";\n");
            markdown.Append("```");
        }
        return markdown.ToString();
    }
}
