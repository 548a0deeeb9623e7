using System.Runtime.ExceptionServices;
using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using BtLang.Syntax.InternalSyntax;
using BtLang.Syntax.Parsing.Generated;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.Syntax.Parsing;

/// <summary>
/// Runs the ANTLR lexer and parser over a text and converts the result into a green tree. Never throws for any
/// input: errors become diagnostics, unusable tokens become skipped-token trivia.
/// </summary>
internal static class LanguageParser
{
    /// <summary>Deeper bracket nesting is skipped with a diagnostic, so no input can exhaust the stack.</summary>
    public const int MaxNestingDepth = 256;

    /// <summary>The channel of tokens taken away from the parser (too deeply nested); they become skipped trivia.</summary>
    public const int SkippedChannel = 2;

    /// <summary>Inputs with more tokens than this are parsed with stack checks, and on a thread with a large stack if those fail.</summary>
    private const int SmallInputTokenCount = 150;

    private const int LargeStackSize = 256 * 1024 * 1024;

    public static ParseResult Parse(SourceText text) => Parse(text.ToString());

    public static ParseResult Parse(string text)
    {
        var diagnostics = new List<PendingDiagnostic>();
        var tokens = Lex(text, out bool lexerAtTopLevel);
        LexicalChecker.Check(tokens, diagnostics);
        bool balanced = LimitNesting(tokens, diagnostics) == 0;

        if (tokens.Count <= SmallInputTokenCount)
        {
            return ParseTokens(text, tokens, diagnostics, lexerAtTopLevel && balanced, guardStack: false);
        }

        // On the calling thread while its stack lasts (a thread hand-off costs a scheduler round trip on a busy
        // machine), else again from the start on a thread with a large stack.
        int lexicalDiagnostics = diagnostics.Count;
        try
        {
            return ParseTokens(text, tokens, diagnostics, lexerAtTopLevel && balanced, guardStack: true);
        }
        catch (StackGuard.Exception)
        {
            diagnostics.RemoveRange(lexicalDiagnostics, diagnostics.Count - lexicalDiagnostics);
        }

        ParseResult? result = null;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = ParseTokens(text, tokens, diagnostics, lexerAtTopLevel && balanced, guardStack: false);
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
            },
            LargeStackSize);
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result!;
    }

    private static List<IToken> Lex(string text, out bool atTopLevel)
    {
        var lexer = new BtLangLexer(new AntlrInputStream(text));
        lexer.RemoveErrorListeners();
        var tokens = new List<IToken>(Math.Clamp(text.Length / 2, 16, 1 << 18)); // about two characters a token
        while (true)
        {
            var token = lexer.NextToken();
            tokens.Add(token);
            if (token.Type == TokenConstants.EOF)
            {
                break;
            }
        }

        atTopLevel = lexer.IsAtTopLevelMemberStart;
        return tokens;
    }

    private static ParseResult ParseTokens(string text, List<IToken> tokens, List<PendingDiagnostic> diagnostics, bool lexedSelfContained, bool guardStack)
    {
        var stream = new TrackingTokenStream(new ListTokenSource(tokens), tokens.Count);
        var parser = BtLangParser.Create(stream);
        parser.GuardStack = guardStack;
        parser.RemoveErrorListeners();
        BtLangParser.ProgramContext program;
        try
        {
            // Fast path: SLL prediction, giving up at the first error. Valid scripts never need more.
            parser.Interpreter.PredictionMode = Antlr4.Runtime.Atn.PredictionMode.SLL;
            parser.ErrorHandler = new FastPathErrorStrategy();
            program = parser.program();
        }
        catch (ParseCanceledException)
        {
            stream.Seek(0);
            stream.ResetTracking();
            parser.Reset();
            parser.FurthestExaminedInMembers = -1;
            parser.Interpreter.PredictionMode = Antlr4.Runtime.Atn.PredictionMode.LL;
            parser.ErrorHandler = new SyntaxErrorStrategy(diagnostics);
            program = parser.program();
        }

        stream.Fill();
        var converter = new TreeConverter(stream.GetTokens(), diagnostics, guardStack, text);
        var root = converter.ConvertProgram(program);
        int textLength = tokens[^1].StartIndex;
        if (root.FullWidth != textLength)
        {
            // A converter bug must never cost fidelity: keep the whole text as skipped trivia and say so.
            root = FallbackTree(tokens);
            diagnostics.Add(new PendingDiagnostic(SyntaxDiagnostics.InternalParserError, new Microsoft.CodeAnalysis.Text.TextSpan(0, 0), Array.Empty<object?>()));
        }

        diagnostics.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Span.End.CompareTo(b.Span.End));
        bool selfContained = lexedSelfContained && parser.FurthestExaminedInMembers < tokens.Count - 1;
        return new ParseResult(root, diagnostics, selfContained);
    }

    private static GreenNode FallbackTree(List<IToken> tokens)
    {
        var trivia = tokens.Take(tokens.Count - 1)
            .Select(t => new GreenTrivia(SyntaxKind.SkippedTokensTrivia, t.Text))
            .ToArray();
        var eof = new GreenToken(SyntaxKind.EndOfFileToken, string.Empty, trivia, null, null, isMissing: false);
        return GreenFactory.CompilationUnit(GreenInnerNode.EmptyList, eof);
    }

    /// <summary>
    /// Moves brackets nested deeper than <see cref="MaxNestingDepth"/> (and all inside them) to the skipped channel;
    /// returns the depth left open at the end.
    /// </summary>
    private static int LimitNesting(List<IToken> tokens, List<PendingDiagnostic> diagnostics)
    {
        int depth = 0;
        bool reported = false;
        foreach (var token in tokens)
        {
            if (token.Channel != TokenConstants.DefaultChannel)
            {
                continue;
            }

            bool opens = token.Type is BtLangLexer.LPAREN or BtLangLexer.LBRACKET or BtLangLexer.LBRACE;
            bool closes = token.Type is BtLangLexer.RPAREN or BtLangLexer.RBRACKET or BtLangLexer.RBRACE;
            if (opens)
            {
                depth++;
            }

            if (depth > MaxNestingDepth && token is CommonToken writable)
            {
                if (!reported)
                {
                    diagnostics.Add(new PendingDiagnostic(SyntaxDiagnostics.NestingTooDeep, TokenDescriber.SpanOf(token), new object?[] { MaxNestingDepth }));
                    reported = true;
                }

                writable.Channel = SkippedChannel;
            }

            if (closes && depth > 0)
            {
                depth--;
            }
        }

        return depth;
    }
}
