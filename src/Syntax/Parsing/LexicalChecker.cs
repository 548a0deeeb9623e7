using Antlr4.Runtime;
using BtLang.Syntax.Parsing.Generated;

namespace BtLang.Syntax.Parsing;

/// <summary>Reports errors in single tokens: invalid characters, unterminated strings and comments, bad literals.</summary>
internal static class LexicalChecker
{
    public static void Check(IReadOnlyList<IToken> tokens, List<PendingDiagnostic> diagnostics)
    {
        foreach (var token in tokens)
        {
            var span = TokenDescriber.SpanOf(token);
            switch (token.Type)
            {
                case BtLangLexer.ERROR_CHAR:
                    diagnostics.Add(new PendingDiagnostic(SyntaxDiagnostics.InvalidCharacter, span, new object?[] { token.Text }));
                    break;
                case BtLangLexer.UNTERMINATED_BLOCK_COMMENT:
                    diagnostics.Add(new PendingDiagnostic(SyntaxDiagnostics.UnterminatedComment, span, Array.Empty<object?>()));
                    break;
                case BtLangLexer.STRING:
                    if (!LiteralParser.IsTerminated(token.Text))
                    {
                        diagnostics.Add(new PendingDiagnostic(SyntaxDiagnostics.UnterminatedString, span, Array.Empty<object?>()));
                    }

                    LiteralParser.UnescapeString(token.Text, out string? badEscape);
                    if (badEscape is not null)
                    {
                        diagnostics.Add(new PendingDiagnostic(SyntaxDiagnostics.InvalidEscape, span, new object?[] { badEscape }));
                    }

                    break;
                case BtLangLexer.INT:
                    if (!LiteralParser.TryParseInteger(token.Text, out _, out bool overflow))
                    {
                        diagnostics.Add(new PendingDiagnostic(
                            overflow ? SyntaxDiagnostics.IntegerTooLarge : SyntaxDiagnostics.InvalidInteger, span, new object?[] { token.Text }));
                    }

                    break;
            }
        }
    }
}
