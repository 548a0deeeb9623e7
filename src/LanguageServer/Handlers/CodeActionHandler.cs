using System.Text.RegularExpressions;
using BtLang.LanguageServer.Handlers.Diagnostics;
using BtLang.LanguageServer.Protocol;
using BtLang.LanguageServer.Workspace;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.LanguageServer.Handlers;

/// <summary>
/// <c>textDocument/codeAction</c>: quick fixes for the compiler's diagnostics in the range that carry an obvious
/// fix, today the "Did you mean 'X'?" hint of unknown functions and identifiers (replace the name with X).
/// </summary>
internal static partial class CodeActionHandler
{
    public static CodeAction[]? Handle(Document document, LspRange range, CancellationToken cancellationToken)
    {
        var span = document.Lines.GetSpan(range);
        var actions = new List<CodeAction>();
        foreach (var diagnostic in document.Analysis.Diagnostics)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var location = diagnostic.Location;
            if (!location.IsInSource || !Touches(location.Span, span))
                continue;
            foreach (var hint in diagnostic.Hints)
            {
                var match = DidYouMean().Match(hint);
                if (!match.Success)
                    continue;
                string replacement = match.Groups[1].Value;
                var target = NameSpan(document, location.Span);
                var edit = new WorkspaceEdit(new Dictionary<string, IReadOnlyList<TextEdit>>
                {
                    [document.Uri] = [new TextEdit(document.Lines.GetRange(target), replacement)],
                });
                actions.Add(new CodeAction($"Change to '{replacement}'", "quickfix", [DiagnosticConverter.Convert(document, diagnostic)], edit, IsPreferred: true));
            }
        }
        return actions.ToArray();
    }

    private static bool Touches(TextSpan a, TextSpan b) => a.Start <= b.End && b.Start <= a.End;

    /// <summary>The identifier the diagnostic is about: its span if that is a name, else the name that starts it.</summary>
    private static TextSpan NameSpan(Document document, TextSpan span)
    {
        var token = SyntaxQueries.TokenAt(document.Analysis.Root, span.Start);
        if (token.Kind != Syntax.SyntaxKind.None && token.Span.Start == span.Start && token.Span.End <= span.End)
            return token.Span;
        return span;
    }

    [GeneratedRegex("Did you mean '([^']+)'\\?")]
    private static partial Regex DidYouMean();
}
