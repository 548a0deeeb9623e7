using BtLang.Syntax.InternalSyntax;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.Syntax;

/// <summary>
/// Makes tokens and trivia for trees built or changed by code (rewriters, a formatter). Nodes are changed with
/// the generated <c>Update</c> and <c>WithXxx</c> methods; the result can be printed with <c>ToFullString()</c> or
/// reparsed with <see cref="SyntaxTree.ParseText(string, string)"/>.
/// </summary>
public static class SyntaxFactory
{
    /// <summary>A token of a kind with fixed text: punctuation, an operator or a keyword.</summary>
    public static SyntaxToken Token(SyntaxKind kind)
    {
        string text = SyntaxFacts.GetText(kind) ?? throw new ArgumentException($"{kind} has no fixed text; use Token(kind, text).", nameof(kind));
        return Token(kind, text);
    }

    /// <summary>A token with the given text. Integer and string literals get their value as the parser would compute it.</summary>
    public static SyntaxToken Token(SyntaxKind kind, string text)
    {
        if (!SyntaxFacts.IsToken(kind))
        {
            throw new ArgumentException($"{kind} is not a token kind.", nameof(kind));
        }

        object? value = kind switch
        {
            SyntaxKind.IntegerLiteralToken => Parsing.LiteralParser.TryParseInteger(text, out ulong number, out _) ? number : null,
            SyntaxKind.StringLiteralToken => Parsing.LiteralParser.UnescapeString(text, out _),
            SyntaxKind.TrueKeyword => true,
            SyntaxKind.FalseKeyword => false,
            _ => null,
        };
        return new SyntaxToken(null, new GreenToken(kind, text, null, null, value, isMissing: false), 0);
    }

    public static SyntaxToken Identifier(string text) => Token(SyntaxKind.IdentifierToken, text);

    /// <summary>A zero-width missing token, as the parser makes for text it expected but did not find.</summary>
    public static SyntaxToken MissingToken(SyntaxKind kind) => new(null, GreenToken.Missing(kind), 0);

    public static SyntaxTrivia Whitespace(string text) => Trivia(SyntaxKind.WhitespaceTrivia, text);

    public static SyntaxTrivia EndOfLine(string text = "\n") => Trivia(SyntaxKind.EndOfLineTrivia, text);

    public static SyntaxTrivia Comment(string text) =>
        Trivia(text.StartsWith("/*", StringComparison.Ordinal) ? SyntaxKind.MultiLineCommentTrivia : SyntaxKind.SingleLineCommentTrivia, text);

    public static SyntaxTrivia Trivia(SyntaxKind kind, string text)
    {
        if (!SyntaxFacts.IsTrivia(kind))
        {
            throw new ArgumentException($"{kind} is not a trivia kind.", nameof(kind));
        }

        return new SyntaxTrivia(default, new GreenTrivia(kind, text), 0);
    }

    /// <summary>The token with its leading trivia replaced.</summary>
    public static SyntaxToken WithLeadingTrivia(this SyntaxToken token, params SyntaxTrivia[] trivia) =>
        Rebuild(token, trivia.Select(t => t.Green!).ToArray(), token.Green?.TrailingTrivia ?? Array.Empty<GreenTrivia>());

    /// <summary>The token with its trailing trivia replaced.</summary>
    public static SyntaxToken WithTrailingTrivia(this SyntaxToken token, params SyntaxTrivia[] trivia) =>
        Rebuild(token, token.Green?.LeadingTrivia ?? Array.Empty<GreenTrivia>(), trivia.Select(t => t.Green!).ToArray());

    private static SyntaxToken Rebuild(SyntaxToken token, GreenTrivia[] leading, GreenTrivia[] trailing)
    {
        var green = token.Green ?? throw new ArgumentException("The token is absent (default).", nameof(token));
        return new SyntaxToken(null, green.WithTrivia(leading, trailing), 0);
    }
}
