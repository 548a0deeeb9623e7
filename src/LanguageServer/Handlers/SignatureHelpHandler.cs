using BtLang.LanguageServer.Protocol;
using BtLang.LanguageServer.Workspace;
using BtLang.Semantics.Builtins;
using BtLang.Syntax;

namespace BtLang.LanguageServer.Handlers;

/// <summary><c>textDocument/signatureHelp</c>: the signature of the builtin function whose argument list holds the cursor.</summary>
internal static class SignatureHelpHandler
{
    public static SignatureHelp? Handle(Document document, Position position, CancellationToken cancellationToken)
    {
        var root = document.Analysis.Root;
        int offset = document.Lines.GetOffset(position);
        CallExpressionSyntax? call = null;
        foreach (var node in root.DescendantNodes(n => n.FullSpan.Start <= offset && offset <= n.FullSpan.End))
        {
            if (node is CallExpressionSyntax candidate && Inside(candidate.ArgumentList, offset))
                call = candidate; // innermost wins: descendants come after their ancestors
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (call is null || BuiltinCatalog.FindFunction(call.Identifier.Text) is not { } info)
            return null;
        int active = call.ArgumentList.Arguments.GetSeparators().Count(s => !s.IsMissing && s.Span.End <= offset);
        var parameters = Parameters(info.Signature).Select(p => new ParameterInformation(p, null)).ToList();
        if (parameters.Count > 0)
            active = Math.Min(active, parameters.Count - 1);
        var signature = new SignatureInformation(info.Signature, MarkupContent.Markdown(info.Documentation), parameters, active);
        return new SignatureHelp([signature], 0, active);
    }

    private static bool Inside(ArgumentListSyntax list, int offset)
        => !list.OpenParenToken.IsMissing && list.OpenParenToken.Span.End <= offset
           && (list.CloseParenToken.IsMissing || offset <= list.CloseParenToken.Span.Start);

    /// <summary>The parameter texts of a signature such as <c>hist(int n [, int k]) -> hist_t</c> (first alternative).</summary>
    internal static IReadOnlyList<string> Parameters(string signature)
    {
        int open = signature.IndexOf('(');
        if (open < 0)
            return [];
        int depth = 0, close = -1;
        for (int i = open; i < signature.Length; i++)
        {
            if (signature[i] == '(')
                depth++;
            else if (signature[i] == ')' && --depth == 0)
            {
                close = i;
                break;
            }
        }
        if (close < 0)
            return [];
        string inner = signature[(open + 1)..close];
        var result = new List<string>();
        foreach (var piece in inner.Split(','))
        {
            string trimmed = piece.Trim().Trim('[', ']').Trim();
            if (trimmed.Length > 0)
                result.Add(trimmed);
        }
        return result;
    }
}
