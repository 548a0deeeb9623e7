using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using BtLang.Syntax.Parsing.Generated;

namespace BtLang.Syntax.Parsing;

/// <summary>
/// ANTLR's default recovery (single-token insertion and deletion, resynchronisation), with errors turned into
/// bpftrace-worded diagnostics instead of console output. Invalid characters are reported by the converter.
/// </summary>
internal class SyntaxErrorStrategy : DefaultErrorStrategy
{
    private readonly List<PendingDiagnostic> _diagnostics;

    public SyntaxErrorStrategy(List<PendingDiagnostic> diagnostics)
    {
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// `{ a; b }`: the last statement of a block needs no `;`, so a `;` expected before `}` (or the end of the file)
    /// is supplied without a diagnostic. Everything else gets ANTLR's recovery.
    /// </summary>
    public override IToken RecoverInline(Antlr4.Runtime.Parser recognizer) =>
        TryImplicitSemicolon(recognizer) ?? base.RecoverInline(recognizer);

    protected IToken? TryImplicitSemicolon(Antlr4.Runtime.Parser recognizer)
    {
        var current = recognizer.CurrentToken;
        if ((current.Type == BtLangLexer.RBRACE || current.Type == TokenConstants.EOF)
            && GetExpectedTokens(recognizer).Contains(BtLangLexer.SEMI))
        {
            var source = Tuple.Create(current.TokenSource, current.TokenSource?.InputStream);
            return recognizer.TokenFactory.Create(
                source, BtLangLexer.SEMI, "<implicit ;>", TokenConstants.DefaultChannel, -1, -1, current.Line, current.Column);
        }

        return null;
    }

    /// <summary>
    /// At a probe header or the end of the file inside a loop, let the loop end: the enclosing rule then reports the
    /// one token that is missing (usually `}`) instead of a vaguer error here.
    /// </summary>
    public override void Sync(Antlr4.Runtime.Parser recognizer)
    {
        int next = recognizer.InputStream.LA(1);
        if (IsMemberStart(next) || next == TokenConstants.EOF)
        {
            return;
        }

        // Before an optional part that may be followed by the statement's `;`: let the `;` match report (or
        // silently supply) it, so that a missing `;` is one diagnostic and costs nothing else.
        var state = recognizer.Interpreter.atn.states[recognizer.State];
        bool isLoop = state.StateType is StateType.StarLoopEntry or StateType.StarLoopBack or StateType.PlusLoopBack;
        if (!isLoop && recognizer.Interpreter.atn.NextTokens(state).Contains(BtLangLexer.SEMI))
        {
            return;
        }

        base.Sync(recognizer);
    }

    private int _lastProbeHeaderRecovery = -1;

    /// <summary>
    /// Never skip a probe header while resynchronising: end the rules in progress instead, so that a missing `}`
    /// costs nothing but itself and the next probe parses normally.
    /// </summary>
    public override void Recover(Antlr4.Runtime.Parser recognizer, RecognitionException e)
    {
        var input = recognizer.InputStream;
        if (IsMemberStart(input.LA(1)) && input.Index != _lastProbeHeaderRecovery)
        {
            _lastProbeHeaderRecovery = input.Index;
            return;
        }

        base.Recover(recognizer, e);
    }

    /// <summary>
    /// Deleting a `;`, `{` or `}` to make the next token fit is almost never what the user meant (it glues two
    /// statements together); resynchronising at it is better.
    /// </summary>
    protected override IToken? SingleTokenDeletion(Antlr4.Runtime.Parser recognizer)
    {
        int next = recognizer.InputStream.LA(1);
        if (next is BtLangLexer.SEMI or BtLangLexer.LBRACE or BtLangLexer.RBRACE || IsMemberStart(next))
        {
            return null;
        }

        return base.SingleTokenDeletion(recognizer);
    }

    protected override void ReportNoViableAlternative(Antlr4.Runtime.Parser recognizer, NoViableAltException e) =>
        Add(e.OffendingToken, e.OffendingToken.Type == TokenConstants.EOF || IsMemberStart(e.OffendingToken.Type) ? recognizer.GetExpectedTokens() : null);

    /// <summary>Tokens the lexer makes only at the start of a top-level member: a probe header or a contextual keyword.</summary>
    private static bool IsMemberStart(int type) =>
        type is BtLangLexer.ATTACH_PART or BtLangLexer.CONFIG or BtLangLexer.MACRO or BtLangLexer.IMPORT or BtLangLexer.TYPEDEF;

    protected override void ReportInputMismatch(Antlr4.Runtime.Parser recognizer, InputMismatchException e) =>
        Add(e.OffendingToken, e.GetExpectedTokens());

    protected override void ReportFailedPredicate(Antlr4.Runtime.Parser recognizer, FailedPredicateException e) =>
        Add(e.OffendingToken, null);

    protected override void ReportUnwantedToken(Antlr4.Runtime.Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer))
        {
            return;
        }

        BeginErrorCondition(recognizer);
        Add(recognizer.CurrentToken, GetExpectedTokens(recognizer));
    }

    protected override void ReportMissingToken(Antlr4.Runtime.Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer))
        {
            return;
        }

        BeginErrorCondition(recognizer);
        var expected = GetExpectedTokens(recognizer);
        var current = recognizer.CurrentToken;
        if (expected.Contains(BtLangLexer.SEMI) && current.Type != BtLangLexer.ERROR_CHAR && current.Type != TokenConstants.EOF)
        {
            // Two statements without `;` between them.
            _diagnostics.Add(new PendingDiagnostic(
                SyntaxDiagnostics.MissingSemicolon, TokenDescriber.SpanOf(current), new object?[] { TokenDescriber.Describe(current) }));
            return;
        }

        Add(current, expected);
    }

    private void Add(IToken? token, IntervalSet? expected)
    {
        if (token is null || token.Type == BtLangLexer.ERROR_CHAR)
        {
            return;
        }

        var span = TokenDescriber.SpanOf(token);
        if (_diagnostics.Count > 0 && _diagnostics[^1].Span.Start == span.Start)
        {
            return;
        }

        string? expecting = expected is null ? null : TokenDescriber.DescribeExpected(expected);
        if (token.Type == TokenConstants.EOF)
        {
            _diagnostics.Add(expecting is null
                ? new PendingDiagnostic(SyntaxDiagnostics.UnexpectedToken, span, new object?[] { "end of file" })
                : new PendingDiagnostic(SyntaxDiagnostics.UnexpectedEndOfFile, span, new object?[] { expecting }));
            return;
        }

        string unexpected = TokenDescriber.Describe(token);
        _diagnostics.Add(expecting is null
            ? new PendingDiagnostic(SyntaxDiagnostics.UnexpectedToken, span, new object?[] { unexpected })
            : new PendingDiagnostic(SyntaxDiagnostics.UnexpectedTokenExpecting, span, new object?[] { unexpected, expecting }));
    }
}
