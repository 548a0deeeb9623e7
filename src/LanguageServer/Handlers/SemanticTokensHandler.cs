using BtLang.LanguageServer.Protocol;
using BtLang.LanguageServer.Server;
using BtLang.LanguageServer.Workspace;
using BtLang.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.LanguageServer.Handlers;

/// <summary>
/// <c>textDocument/semanticTokens/full</c>: classifies every token and comment from the syntax tree (providers,
/// attach points, maps, variables, calls, fields, types, literals, operators). Tokens spanning lines are split per
/// line, since clients need not support multi-line tokens.
/// </summary>
internal static class SemanticTokensHandler
{
    public static SemanticTokens? Handle(Document document, CancellationToken cancellationToken)
    {
        var lines = document.Lines;
        var data = new List<int>();
        int lastLine = 0, lastCharacter = 0;

        void Add(TextSpan span, int type)
        {
            if (span.Length == 0)
                return;
            int line = lines.GetLine(span.Start);
            int endLine = lines.GetLine(span.End);
            for (int l = line; l <= endLine; l++)
            {
                int start = l == line ? span.Start : lines.GetLineStart(l);
                int end = l == endLine ? span.End : lines.GetLineEnd(l);
                if (end <= start)
                    continue;
                int character = start - lines.GetLineStart(l);
                data.Add(l - lastLine);
                data.Add(l == lastLine ? character - lastCharacter : character);
                data.Add(end - start);
                data.Add(type);
                data.Add(0);
                lastLine = l;
                lastCharacter = character;
            }
        }

        foreach (var token in document.Analysis.Root.DescendantTokens())
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var trivia in token.LeadingTrivia)
                AddTrivia(trivia, Add);
            if (!token.IsMissing && Classify(token) is int type)
                Add(token.Span, type);
            foreach (var trivia in token.TrailingTrivia)
                AddTrivia(trivia, Add);
        }
        return new SemanticTokens(data);
    }

    private static void AddTrivia(SyntaxTrivia trivia, Action<TextSpan, int> add)
    {
        if (trivia.Kind is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia or SyntaxKind.ShebangTrivia)
            add(trivia.Span, SemanticTokenTypes.Comment);
    }

    /// <summary>The legend index of a token's type, or null for punctuation.</summary>
    internal static int? Classify(SyntaxToken token)
    {
        var kind = token.Kind;
        if (SyntaxFacts.IsKeyword(kind))
            return SemanticTokenTypes.Keyword;
        switch (kind)
        {
            case SyntaxKind.MapToken:
            case SyntaxKind.VariableToken:
                return SemanticTokenTypes.Variable;
            case SyntaxKind.PositionalParameterToken:
                return SemanticTokenTypes.Parameter;
            case SyntaxKind.IntegerLiteralToken:
                return SemanticTokenTypes.Number;
            case SyntaxKind.StringLiteralToken:
                return SemanticTokenTypes.String;
            case SyntaxKind.PreprocessorDirectiveToken:
                return SemanticTokenTypes.Macro;
            case SyntaxKind.AttachPointPartToken:
                return token.Parent is AttachPointSyntax attachPoint && attachPoint.Tokens.Count > 0 && attachPoint.Tokens[0] == token && attachPoint.Tokens.Count > 1
                    ? SemanticTokenTypes.Namespace
                    : SemanticTokenTypes.Event;
            case SyntaxKind.IdentifierToken:
                return token.Parent switch
                {
                    CallExpressionSyntax => SemanticTokenTypes.Function,
                    MacroDefinitionSyntax => SemanticTokenTypes.Function,
                    MemberAccessExpressionSyntax => SemanticTokenTypes.Property,
                    RecordFieldSyntax => SemanticTokenTypes.Property,
                    IdentifierNameSyntax => SemanticTokenTypes.Property,
                    NamedTypeSyntax => SemanticTokenTypes.Type,
                    ConfigSettingSyntax => SemanticTokenTypes.Property,
                    MacroParameterSyntax => SemanticTokenTypes.Parameter,
                    _ => SemanticTokenTypes.Variable,
                };
        }
        if (token.Parent is PredicateSyntax)
            return SemanticTokenTypes.Operator;
        if (token.Parent is BinaryExpressionSyntax or PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax or AssignmentStatementSyntax or ConditionalExpressionSyntax)
            return SemanticTokenTypes.Operator;
        return null;
    }
}
