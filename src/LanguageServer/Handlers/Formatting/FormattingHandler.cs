using BtLang.LanguageServer.Protocol;
using BtLang.LanguageServer.Workspace;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.LanguageServer.Handlers;

/// <summary><c>textDocument/formatting</c>: one edit replacing the document with <see cref="Formatting.ScriptFormatter"/>'s output, or none.</summary>
internal static class FormattingHandler
{
    public static TextEdit[]? Handle(Document document, FormattingOptions options, CancellationToken cancellationToken)
    {
        string? formatted = Formatting.ScriptFormatter.Format(document.Analysis.Tree, options.TabSize, !options.InsertSpaces, cancellationToken);
        if (formatted is null)
            return [];
        var whole = document.Lines.GetRange(new TextSpan(0, document.Text.Length));
        return [new TextEdit(whole, formatted)];
    }
}
