using Antlr4.Runtime;

namespace BtLang.Syntax.Parsing.Generated;

/// <summary>Semantic predicates of grammar/BtLangParser.g4: telling casts and types from parenthesized expressions.</summary>
internal partial class BtLangParser
{
    /// <summary>
    /// The furthest token index the parser had looked at when it finished the last top-level member (-1 if none),
    /// when the token stream is a <see cref="TrackingTokenStream"/>.
    /// </summary>
    public int FurthestExaminedInMembers { get; set; } = -1;

    /// <summary>The index of the <c>IsCastAhead()</c> predicate among rule <c>expr</c>'s predicates (its first).</summary>
    internal const int CastPredicateIndex = 0;

    /// <summary>Makes a parser whose prediction reads `(int8)-3` as a cast (see <see cref="CastAwareAtnSimulator"/>).</summary>
    public static BtLangParser Create(ITokenStream input)
    {
        var parser = new BtLangParser(input);
        parser.Interpreter = new CastAwareAtnSimulator(parser, _ATN, decisionToDFA, sharedContextCache);
        return parser;
    }

    /// <summary>Check the stack at each rule (<see cref="StackGuard"/>): set when parsing on a thread with an ordinary stack.</summary>
    public bool GuardStack { get; set; }

    public override void EnterRule(ParserRuleContext localctx, int state, int ruleIndex)
    {
        StackGuard.Check(GuardStack);
        base.EnterRule(localctx, state, ruleIndex);
    }

    public override void EnterRecursionRule(ParserRuleContext localctx, int state, int ruleIndex, int precedence)
    {
        StackGuard.Check(GuardStack);
        base.EnterRecursionRule(localctx, state, ruleIndex, precedence);
    }

    public override void ExitRule()
    {
        if (Context is MemberContext && TokenStream is TrackingTokenStream tracking)
        {
            FurthestExaminedInMembers = tracking.FurthestExamined;
        }

        base.ExitRule();
    }

    /// <summary>
    /// At `(`: is this a cast? Yes for `(struct x ...)`, for `(name *)`, for a builtin type name
    /// `(uint32)`, and for any `(name)` followed by something that can only start an operand (`(mytype)$x`).
    /// </summary>
    internal bool IsCastAhead()
    {
        var stream = TokenStream;
        if (stream.LA(1) != LPAREN)
        {
            return false;
        }

        if (stream.LA(2) is STRUCT or UNION or ENUM)
        {
            return true;
        }

        int end = ScanType(2, out bool decorated, out bool tagged, out string name);
        if (end < 0 || stream.LA(end) != RPAREN)
        {
            return false;
        }

        if (tagged || decorated || SyntaxFacts.IsBuiltinTypeName(name))
        {
            return true;
        }

        return stream.LA(end + 1) is IDENT or VARIABLE or MAP or INT or STRING or POSITIONAL or TRUE or FALSE or SIZEOF or OFFSETOF;
    }

    /// <summary>Inside `sizeof(`: is the operand a type rather than an expression?</summary>
    private bool IsTypeAhead()
    {
        if (TokenStream.LA(1) is STRUCT or UNION or ENUM)
        {
            return true;
        }

        int end = ScanType(1, out bool decorated, out bool tagged, out string name);
        return end >= 0 && TokenStream.LA(end) == RPAREN && (tagged || decorated || SyntaxFacts.IsBuiltinTypeName(name));
    }

    /// <summary>
    /// Scans `[struct|union|enum] IDENT ('*' | '[' INT? ']')*` from lookahead index <paramref name="start"/> and returns the
    /// index just after it, or -1.
    /// </summary>
    private int ScanType(int start, out bool decorated, out bool tagged, out string name)
    {
        var stream = TokenStream;
        int i = start;
        decorated = false;
        tagged = false;
        name = string.Empty;
        if (stream.LA(i) is STRUCT or UNION or ENUM)
        {
            tagged = true;
            i++;
        }

        if (stream.LA(i) != IDENT)
        {
            return -1;
        }

        name = stream.LT(i).Text;
        i++;
        while (true)
        {
            int type = stream.LA(i);
            if (type == STAR)
            {
                decorated = true;
                i++;
            }
            else if (type == LBRACKET && (stream.LA(i + 1) == RBRACKET || (stream.LA(i + 1) == INT && stream.LA(i + 2) == RBRACKET)))
            {
                // `(x[8])` may also be an element access: only a `*` settles it on its own.
                i += stream.LA(i + 1) == RBRACKET ? 2 : 3;
            }
            else
            {
                return i;
            }
        }
    }
}
