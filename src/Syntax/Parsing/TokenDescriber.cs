using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using BtLang.Syntax.Parsing.Generated;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.Syntax.Parsing;

/// <summary>Names tokens in messages the way bpftrace's (bison) messages do: `end of file`, `identifier`, `)`.</summary>
internal static class TokenDescriber
{
    public static string Describe(IToken token) => token.Type switch
    {
        TokenConstants.EOF => "end of file",
        _ => DescribeType(token.Type, token.Text),
    };

    public static string DescribeType(int type, string? text = null) => type switch
    {
        TokenConstants.EOF => "end of file",
        BtLangLexer.IDENT => "identifier",
        BtLangLexer.MAP => "map",
        BtLangLexer.VARIABLE => "variable",
        BtLangLexer.POSITIONAL => "positional parameter",
        BtLangLexer.INT => "integer",
        BtLangLexer.STRING => "string",
        BtLangLexer.ATTACH_PART => "attach point",
        BtLangLexer.PREPROCESSOR => "preprocessor directive",
        BtLangLexer.PRED_END => "/",
        _ => text ?? SyntaxFacts.GetText(TokenKinds.Map(type)) ?? BtLangLexer.DefaultVocabulary.GetDisplayName(type),
    };

    /// <summary>`X`, `X or Y`, `X, Y or Z`; null if the set is empty or too large to be useful.</summary>
    public static string? DescribeExpected(IntervalSet expected)
    {
        var names = expected.ToList()
            .Where(t => t != BtLangLexer.ERROR_CHAR)
            .Select(t => DescribeType(t))
            .Distinct()
            .ToList();
        if (names.Count > 4)
        {
            // Many possibilities (any statement, or `}`): name only the closing tokens among them.
            names = names.Where(n => n is "}" or ")" or "]" or ";").ToList();
            if (names.Contains("}"))
            {
                names = new List<string> { "}" };
            }
        }

        if (names.Count == 0)
        {
            return null;
        }

        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
    }

    public static TextSpan SpanOf(IToken token)
    {
        if (token.Type == TokenConstants.EOF || token.StartIndex < 0)
        {
            return new TextSpan(Math.Max(0, token.StartIndex), 0);
        }

        return TextSpan.FromBounds(token.StartIndex, Math.Max(token.StartIndex, token.StopIndex + 1));
    }
}
