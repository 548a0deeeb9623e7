using System.Text.RegularExpressions;
using BtLang.LanguageServer.Protocol;
using BtLang.LanguageServer.Workspace;
using BtLang.Semantics.Builtins;
using BtLang.Syntax;
using StreamJsonRpc;

namespace BtLang.LanguageServer.Handlers;

/// <summary>
/// Rename of maps (everywhere: maps are global) and scratch variables (in their scope). Builtins, functions,
/// keywords and anything else are refused with an error reply, as are names that are not valid map or variable names.
/// </summary>
internal static partial class RenameHandler
{
    public static PrepareRenameResult? Prepare(Document document, Position position, CancellationToken cancellationToken)
    {
        var (token, occurrences) = Target(document, position, cancellationToken);
        return new PrepareRenameResult(document.Lines.GetRange(token.Span), occurrences.Name);
    }

    public static WorkspaceEdit? Rename(Document document, Position position, string newName, CancellationToken cancellationToken)
    {
        var (_, occurrences) = Target(document, position, cancellationToken);
        string sigil = occurrences.IsMap ? "@" : "$";
        if (!newName.StartsWith(sigil, StringComparison.Ordinal))
            newName = sigil + newName;
        if (!ValidName().IsMatch(newName[1..]))
            throw Refuse($"'{newName}' is not a valid {(occurrences.IsMap ? "map" : "variable")} name");
        var edits = occurrences.References.Select(span => new TextEdit(document.Lines.GetRange(span), newName)).ToList();
        return new WorkspaceEdit(new Dictionary<string, IReadOnlyList<TextEdit>> { [document.Uri] = edits });
    }

    private static (SyntaxToken Token, SymbolOccurrences Occurrences) Target(Document document, Position position, CancellationToken cancellationToken)
    {
        var analysis = document.Analysis;
        var token = SyntaxQueries.TokenAt(analysis.Root, document.Lines.GetOffset(position));
        if (token.Kind == SyntaxKind.IdentifierToken && (BuiltinCatalog.FindVariable(token.Text) is not null || BuiltinCatalog.FindFunction(token.Text) is not null))
            throw Refuse($"'{token.Text}' is a builtin and cannot be renamed");
        if (SyntaxFacts.IsKeyword(token.Kind))
            throw Refuse($"'{token.Text}' is a keyword and cannot be renamed");
        if (token.Kind == SyntaxKind.MapToken && token.Text == "@")
            throw Refuse("the anonymous map '@' cannot be renamed");
        var occurrences = analysis.GetOccurrences(token, cancellationToken);
        if (occurrences is null)
            throw Refuse("only maps and scratch variables can be renamed");
        return (token, occurrences);
    }

    private static LocalRpcException Refuse(string message) => new(message) { ErrorCode = LspErrorCodes.RequestFailed };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ValidName();
}
