using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using BtLang.Syntax.InternalSyntax;
using static BtLang.Syntax.Parsing.Generated.BtLangParser;
using Lexer = BtLang.Syntax.Parsing.Generated.BtLangLexer;

namespace BtLang.Syntax.Parsing;

/// <summary>
/// Walks ANTLR's parse tree and token stream and builds the green tree. Tokens are attached strictly in source order:
/// every token of the stream that the tree does not use (hidden-channel tokens, tokens the parser skipped while
/// recovering, too deeply nested tokens) becomes trivia of the next token used, so the green tree always holds the
/// whole input. Parts the parser could not find become zero-width missing tokens and placeholder nodes.
/// </summary>
internal sealed class TreeConverter
{
    private readonly IList<IToken> _tokens;
    private readonly List<PendingDiagnostic> _diagnostics;
    private int _next;

    private readonly bool _guardStack;
    private readonly string? _source;
    private readonly TokenTextCache _cache = TokenTextCache.Current;

    /// <param name="tokens">The lexer's tokens, all channels.</param>
    /// <param name="diagnostics">Where conversion problems go.</param>
    /// <param name="guardStack">Check the stack depth (large inputs).</param>
    /// <param name="source">The lexed text: token texts are taken from it (shared for short ones) instead of from each token.</param>
    public TreeConverter(IList<IToken> tokens, List<PendingDiagnostic> diagnostics, bool guardStack = false, string? source = null)
    {
        _tokens = tokens;
        _diagnostics = diagnostics;
        _guardStack = guardStack;
        _source = source;
    }

    public GreenNode ConvertProgram(ProgramContext program)
    {
        var members = new List<GreenNode>();
        foreach (var member in program.member())
        {
            members.Add(Member(member));
        }

        // The real end-of-file token, whatever the parser matched: it takes all remaining text as leading trivia.
        var eof = TokenAt(_tokens.Count - 1);
        return GreenFactory.CompilationUnit(GreenInnerNode.List(members), eof);
    }

    // ===== members =====

    private GreenNode Member(MemberContext member) => member switch
    {
        PreprocessorMemberContext m => GreenFactory.PreprocessorDirective(Token(m.PREPROCESSOR(), SyntaxKind.PreprocessorDirectiveToken)),
        CDefinitionMemberContext m => GreenFactory.CDefinition(TokenList(m.cDefinition())),
        ConfigMemberContext m => ConfigBlock(m),
        MapDeclarationMemberContext m => GreenFactory.MapDeclaration(
            Token(m.LET(), SyntaxKind.LetKeyword),
            Token(m.MAP(), SyntaxKind.MapToken),
            Token(m.ASSIGN(), SyntaxKind.EqualsToken),
            Expression(m.init),
            Token(m.SEMI(), SyntaxKind.SemicolonToken)),
        MacroMemberContext m => MacroDefinition(m),
        ImportMemberContext m => GreenFactory.Import(
            Token(m.IMPORT(), SyntaxKind.ImportKeyword),
            Token(m.STRING(), SyntaxKind.StringLiteralToken),
            OptionalToken(m.SEMI())),
        ProbeMemberContext m => Probe(m.probe()),
        _ => Probe(null),
    };

    private GreenNode ConfigBlock(ConfigMemberContext m)
    {
        var config = Token(m.CONFIG(), SyntaxKind.ConfigKeyword);
        var equals = Token(m.ASSIGN(), SyntaxKind.EqualsToken);
        var open = Token(m.LBRACE(), SyntaxKind.OpenBraceToken);
        var settings = new List<GreenNode>();
        foreach (var setting in m.configSetting())
        {
            settings.Add(GreenFactory.ConfigSetting(
                Token(setting.IDENT(), SyntaxKind.IdentifierToken),
                Token(setting.ASSIGN(), SyntaxKind.EqualsToken),
                Expression(setting.value),
                OptionalToken(setting.SEMI())));
        }

        return GreenFactory.ConfigBlock(config, equals, open, GreenInnerNode.List(settings), Token(m.RBRACE(), SyntaxKind.CloseBraceToken));
    }

    private GreenNode MacroDefinition(MacroMemberContext m)
    {
        var keyword = Token(m.MACRO(), SyntaxKind.MacroKeyword);
        var name = Token(m.IDENT(), SyntaxKind.IdentifierToken);
        var open = Token(m.LPAREN(), SyntaxKind.OpenParenToken);
        var parameters = SeparatedList(
            m,
            Lexer.COMMA,
            child => child is MacroParameterContext p
                ? GreenFactory.MacroParameter(Token(p.ChildCount > 0 ? p.GetChild(0) as ITerminalNode : null, SyntaxKind.IdentifierToken))
                : null,
            () => GreenFactory.MacroParameter(GreenToken.Missing(SyntaxKind.IdentifierToken)));
        var close = Token(m.RPAREN(), SyntaxKind.CloseParenToken);
        return GreenFactory.MacroDefinition(keyword, name, open, parameters, close, Block(m.body));
    }

    private GreenNode Probe(ProbeContext? probe)
    {
        if (probe is null)
        {
            var missingPoint = GreenFactory.AttachPoint(GreenInnerNode.List(new GreenNode[] { GreenToken.Missing(SyntaxKind.AttachPointPartToken) }));
            return GreenFactory.Probe(GreenInnerNode.List(new[] { missingPoint }), null, Block(null));
        }

        var attachPoints = SeparatedList(
            probe,
            Lexer.COMMA,
            child => child is AttachPointContext a ? GreenFactory.AttachPoint(TokenList(a)) : null,
            () => GreenFactory.AttachPoint(GreenInnerNode.List(new GreenNode[] { GreenToken.Missing(SyntaxKind.AttachPointPartToken) })));
        GreenNode? predicate = null;
        if (probe.predicate() is { } p)
        {
            predicate = GreenFactory.Predicate(
                Token(p.SLASH(), SyntaxKind.SlashToken),
                Expression(p.cond),
                Token(p.PRED_END(), SyntaxKind.SlashToken));
        }

        return GreenFactory.Probe(attachPoints, predicate, Block(probe.body));
    }

    // ===== statements =====

    private GreenNode Block(BlockContext? block)
    {
        StackGuard.Check(_guardStack);
        if (block is null)
        {
            return GreenFactory.Block(
                GreenToken.Missing(SyntaxKind.OpenBraceToken), GreenInnerNode.EmptyList, GreenToken.Missing(SyntaxKind.CloseBraceToken));
        }

        var open = Token(block.LBRACE(), SyntaxKind.OpenBraceToken);
        var statements = Statements(block.statement());
        return GreenFactory.Block(open, GreenInnerNode.List(statements), Token(block.RBRACE(), SyntaxKind.CloseBraceToken));
    }

    private List<GreenNode> Statements(StatementContext[] statements)
    {
        var result = new List<GreenNode>(statements.Length);
        foreach (var statement in statements)
        {
            result.Add(Statement(statement));
        }

        return result;
    }

    private GreenNode Statement(StatementContext statement) => statement switch
    {
        EmptyStmtContext s => GreenFactory.EmptyStatement(Token(s.SEMI(), SyntaxKind.SemicolonToken)),
        IfStmtContext s => IfStatement(s.IF(), s.cond, s.body, s.ELSE(), s.elseIf, s.elseBlock),
        UnrollStmtContext s => GreenFactory.UnrollStatement(
            Token(s.UNROLL(), SyntaxKind.UnrollKeyword),
            Token(s.LPAREN(), SyntaxKind.OpenParenToken),
            Expression(s.count),
            Token(s.RPAREN(), SyntaxKind.CloseParenToken),
            Block(s.body)),
        WhileStmtContext s => GreenFactory.WhileStatement(
            Token(s.WHILE(), SyntaxKind.WhileKeyword),
            Token(s.LPAREN(), SyntaxKind.OpenParenToken),
            Expression(s.cond),
            Token(s.RPAREN(), SyntaxKind.CloseParenToken),
            Block(s.body)),
        ForStmtContext s => ForStatement(s),
        BreakStmtContext s => GreenFactory.BreakStatement(Token(s.BREAK(), SyntaxKind.BreakKeyword), OptionalToken(s.SEMI())),
        ContinueStmtContext s => GreenFactory.ContinueStatement(Token(s.CONTINUE(), SyntaxKind.ContinueKeyword), OptionalToken(s.SEMI())),
        ReturnStmtContext s => GreenFactory.ReturnStatement(
            Token(s.RETURN(), SyntaxKind.ReturnKeyword),
            s.value is null ? null : Expression(s.value),
            OptionalToken(s.SEMI())),
        LetStmtContext s => LetStatement(s),
        BlockStmtContext s => GreenFactory.BlockStatement(Block(s.block())),
        ExpressionStmtContext s => ExpressionStatement(s),
        _ => GreenFactory.ExpressionStatement(MissingExpression(), null),
    };

    private GreenNode IfStatement(
        ITerminalNode? ifKeyword, ExprContext? condition, BlockContext? body, ITerminalNode? elseKeyword, IfStatementContext? elseIf, BlockContext? elseBlock)
    {
        var keyword = Token(ifKeyword, SyntaxKind.IfKeyword);
        var cond = Expression(condition);
        var block = Block(body);
        GreenNode? elseClause = null;
        if (elseKeyword is not null)
        {
            var elseToken = Token(elseKeyword, SyntaxKind.ElseKeyword);
            GreenNode elseStatement = elseIf is not null
                ? IfStatement(elseIf.IF(), elseIf.cond, elseIf.body, elseIf.ELSE(), elseIf.elseIf, elseIf.elseBlock)
                : GreenFactory.BlockStatement(Block(elseBlock));
            elseClause = GreenFactory.ElseClause(elseToken, elseStatement);
        }

        return GreenFactory.IfStatement(keyword, cond, block, elseClause);
    }

    private GreenNode ForStatement(ForStmtContext s)
    {
        var keyword = Token(s.FOR(), SyntaxKind.ForKeyword);
        var open = Token(s.LPAREN(), SyntaxKind.OpenParenToken);
        var variable = Token(s.VARIABLE(), SyntaxKind.VariableToken);
        var colon = Token(s.COLON(), SyntaxKind.ColonToken);
        var iterable = Expression(s.iter);
        if (s.DOTDOT() is { } dotDot)
        {
            iterable = GreenFactory.RangeExpression(iterable, Token(dotDot, SyntaxKind.DotDotToken), Expression(s.rangeEnd));
        }

        var close = Token(s.RPAREN(), SyntaxKind.CloseParenToken);
        return GreenFactory.ForStatement(keyword, open, variable, colon, iterable, close, Block(s.body));
    }

    private GreenNode LetStatement(LetStmtContext s)
    {
        var keyword = Token(s.LET(), SyntaxKind.LetKeyword);
        var variable = Token(s.VARIABLE(), SyntaxKind.VariableToken);
        var colon = OptionalToken(s.COLON());
        var type = colon is null ? null : Type(s.declType);
        var equals = OptionalToken(s.ASSIGN());
        var initializer = equals is null ? null : AssignedValue(s.init);
        return GreenFactory.VariableDeclarationStatement(keyword, variable, colon, type, equals, initializer, OptionalToken(s.SEMI()));
    }

    private GreenNode ExpressionStatement(ExpressionStmtContext s)
    {
        var target = Expression(s.target);
        if (s.assignOperator() is { } op)
        {
            var opToken = Token(op.Start, SyntaxKind.EqualsToken);
            var value = AssignedValue(s.value);
            return GreenFactory.AssignmentStatement(target, opToken, value, OptionalToken(s.SEMI()));
        }

        return GreenFactory.ExpressionStatement(target, OptionalToken(s.SEMI()));
    }

    private GreenNode AssignedValue(AssignedValueContext? value)
    {
        if (value?.blockExpression() is { } block)
        {
            return BlockExpression(block);
        }

        return Expression(value?.expr());
    }

    /// <summary>`{ stmts; expr }`: the last statement, a bare expression without `;`, is the value.</summary>
    private GreenNode BlockExpression(BlockExpressionContext block)
    {
        var open = Token(block.LBRACE(), SyntaxKind.OpenBraceToken);
        var statements = block.statement();
        var valueStatement = statements.Length > 0
            && statements[^1] is ExpressionStmtContext last
            && last.assignOperator() is null
            && OptionalToken(last.SEMI(), consume: false) is null
            ? last
            : null;
        var converted = new List<GreenNode>(statements.Length);
        foreach (var statement in statements)
        {
            if (!ReferenceEquals(statement, valueStatement))
            {
                converted.Add(Statement(statement));
            }
        }

        GreenNode value;
        if (valueStatement is not null)
        {
            value = Expression(valueStatement.target);
        }
        else
        {
            var where = block.RBRACE()?.Symbol ?? block.Stop ?? block.Start;
            _diagnostics.Add(new PendingDiagnostic(SyntaxDiagnostics.BlockExpressionWithoutValue, TokenDescriber.SpanOf(where), Array.Empty<object?>()));
            value = MissingExpression();
        }

        return GreenFactory.BlockExpression(open, GreenInnerNode.List(converted), value, Token(block.RBRACE(), SyntaxKind.CloseBraceToken));
    }

    // ===== expressions =====

    private GreenNode MissingExpression() => GreenFactory.IdentifierExpression(GreenToken.Missing(SyntaxKind.IdentifierToken));

    private GreenNode Expression(ExprContext? expr)
    {
        StackGuard.Check(_guardStack);
        switch (expr)
        {
            case PrimaryExprContext e:
                return Primary(e.primary());
            case PostfixExprContext e:
                {
                    var operand = Expression(e.operand);
                    return GreenFactory.PostfixUnaryExpression(operand, Token(e.op, SyntaxKind.PlusPlusToken));
                }

            case ElementAccessExprContext e:
                {
                    var target = Expression(e.target);
                    var open = Token(e.LBRACKET(), SyntaxKind.OpenBracketToken);
                    var index = Expression(e.index);
                    return GreenFactory.ElementAccessExpression(target, open, index, Token(e.RBRACKET(), SyntaxKind.CloseBracketToken));
                }

            case MemberAccessExprContext e:
                {
                    var target = Expression(e.target);
                    var op = Token(e.op, SyntaxKind.DotToken);
                    return GreenFactory.MemberAccessExpression(target, op, Token(e.name, SyntaxKind.IdentifierToken));
                }

            case CastExprContext e:
                {
                    var open = Token(e.LPAREN(), SyntaxKind.OpenParenToken);
                    var type = Type(e.castType);
                    var close = Token(e.RPAREN(), SyntaxKind.CloseParenToken);
                    return GreenFactory.CastExpression(open, type, close, Expression(e.operand));
                }

            case PrefixExprContext e:
                {
                    var op = Token(e.op, SyntaxKind.MinusToken);
                    return GreenFactory.PrefixUnaryExpression(op, Expression(e.operand));
                }

            case BinaryExprContext e:
                {
                    var left = Expression(e.left);
                    var op = Token(e.op, SyntaxKind.PlusToken);
                    return GreenFactory.BinaryExpression(left, op, Expression(e.right));
                }

            case ConditionalExprContext e:
                {
                    var condition = Expression(e.cond);
                    var question = Token(e.QUESTION(), SyntaxKind.QuestionToken);
                    var whenTrue = e.whenTrue is null ? null : Expression(e.whenTrue);
                    var colon = Token(e.COLON(), SyntaxKind.ColonToken);
                    return GreenFactory.ConditionalExpression(condition, question, whenTrue, colon, Expression(e.whenFalse));
                }

            default:
                return MissingExpression();
        }
    }

    private GreenNode Primary(PrimaryContext? primary)
    {
        switch (primary)
        {
            case IntLiteralContext p:
                return GreenFactory.LiteralExpression(SyntaxKind.IntegerLiteralExpression, Token(p.INT(), SyntaxKind.IntegerLiteralToken));
            case StringLiteralContext p:
                return GreenFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, Token(p.STRING(), SyntaxKind.StringLiteralToken));
            case TrueLiteralContext p:
                return GreenFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression, Token(p.TRUE(), SyntaxKind.TrueKeyword));
            case FalseLiteralContext p:
                return GreenFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression, Token(p.FALSE(), SyntaxKind.FalseKeyword));
            case MapPrimaryContext p:
                {
                    var map = Token(p.MAP(), SyntaxKind.MapToken);
                    GreenNode? keys = null;
                    if (p.LBRACKET() is { } open)
                    {
                        var openToken = Token(open, SyntaxKind.OpenBracketToken);
                        var arguments = ExpressionList(p);
                        keys = GreenFactory.BracketedArgumentList(openToken, arguments, Token(p.RBRACKET(), SyntaxKind.CloseBracketToken));
                    }

                    return GreenFactory.MapExpression(map, keys);
                }

            case VariablePrimaryContext p:
                return GreenFactory.VariableExpression(Token(p.VARIABLE(), SyntaxKind.VariableToken));
            case PositionalPrimaryContext p:
                return GreenFactory.PositionalParameterExpression(Token(p.POSITIONAL(), SyntaxKind.PositionalParameterToken));
            case CallPrimaryContext p:
                {
                    var name = Token(p.IDENT(), SyntaxKind.IdentifierToken);
                    var open = Token(p.LPAREN(), SyntaxKind.OpenParenToken);
                    var arguments = ExpressionList(p);
                    var argumentList = GreenFactory.ArgumentList(open, arguments, Token(p.RPAREN(), SyntaxKind.CloseParenToken));
                    return GreenFactory.CallExpression(name, argumentList);
                }

            case IdentifierPrimaryContext p:
                return GreenFactory.IdentifierExpression(Token(p.IDENT(), SyntaxKind.IdentifierToken));
            case SizeofPrimaryContext p:
                {
                    var keyword = Token(p.SIZEOF(), SyntaxKind.SizeofKeyword);
                    var open = Token(p.LPAREN(), SyntaxKind.OpenParenToken);
                    var operand = p.sizeType is not null ? Type(p.sizeType) : Expression(p.sizeExpr);
                    return GreenFactory.SizeofExpression(keyword, open, operand, Token(p.RPAREN(), SyntaxKind.CloseParenToken));
                }

            case OffsetofPrimaryContext p:
                return Offsetof(p);
            case RecordPrimaryContext p:
                return Record(p);
            case ParenOrTuplePrimaryContext p:
                {
                    var open = Token(p.LPAREN(), SyntaxKind.OpenParenToken);
                    if (p.COMMA().Length == 0)
                    {
                        var inner = Expression(p.expr(0));
                        return GreenFactory.ParenthesizedExpression(open, inner, Token(p.RPAREN(), SyntaxKind.CloseParenToken));
                    }

                    var elements = ExpressionList(p);
                    return GreenFactory.TupleExpression(open, elements, Token(p.RPAREN(), SyntaxKind.CloseParenToken));
                }

            default:
                return MissingExpression();
        }
    }

    private GreenNode Offsetof(OffsetofPrimaryContext p)
    {
        var keyword = Token(p.OFFSETOF(), SyntaxKind.OffsetofKeyword);
        var open = Token(p.LPAREN(), SyntaxKind.OpenParenToken);
        var type = Type(p.offType);
        var comma = Token(p.COMMA(), SyntaxKind.CommaToken);
        var members = SeparatedList(
            p,
            Lexer.DOT,
            child => child is ITerminalNode t && t is not IErrorNode && t.Symbol.Type == Lexer.IDENT
                ? GreenFactory.IdentifierName(Token(t, SyntaxKind.IdentifierToken))
                : null,
            () => GreenFactory.IdentifierName(GreenToken.Missing(SyntaxKind.IdentifierToken)));
        return GreenFactory.OffsetofExpression(keyword, open, type, comma, members, Token(p.RPAREN(), SyntaxKind.CloseParenToken));
    }

    private GreenNode Record(RecordPrimaryContext p)
    {
        var open = Token(p.LPAREN(), SyntaxKind.OpenParenToken);
        var items = new List<GreenNode>();
        bool expectField = true;
        GreenToken? pendingName = null;
        GreenToken? pendingEquals = null;

        void AddField(GreenNode value)
        {
            if (!expectField)
            {
                items.Add(GreenToken.Missing(SyntaxKind.CommaToken));
            }

            items.Add(GreenFactory.RecordField(
                pendingName ?? GreenToken.Missing(SyntaxKind.IdentifierToken),
                pendingEquals ?? GreenToken.Missing(SyntaxKind.EqualsToken),
                value));
            pendingName = null;
            pendingEquals = null;
            expectField = false;
        }

        void FlushPending()
        {
            if (pendingName is not null || pendingEquals is not null)
            {
                AddField(MissingExpression());
            }
        }

        foreach (var child in p.children ?? new List<IParseTree>())
        {
            if (child is ITerminalNode t && t is not IErrorNode)
            {
                switch (t.Symbol.Type)
                {
                    case Lexer.IDENT:
                        FlushPending();
                        pendingName = Token(t, SyntaxKind.IdentifierToken);
                        break;
                    case Lexer.ASSIGN:
                        if (pendingEquals is not null)
                        {
                            FlushPending();
                        }

                        pendingEquals = Token(t, SyntaxKind.EqualsToken);
                        break;
                    case Lexer.COMMA:
                        FlushPending();
                        if (expectField)
                        {
                            AddField(MissingExpression());
                        }

                        items.Add(Token(t, SyntaxKind.CommaToken));
                        expectField = true;
                        break;
                }
            }
            else if (child is ExprContext e)
            {
                AddField(Expression(e));
            }
        }

        FlushPending();
        return GreenFactory.RecordExpression(open, GreenInnerNode.List(items), Token(p.RPAREN(), SyntaxKind.CloseParenToken));
    }

    /// <summary>The expressions and commas among the children of <paramref name="context"/>, in order.</summary>
    private GreenNode ExpressionList(ParserRuleContext context) =>
        SeparatedList(context, Lexer.COMMA, child => child is ExprContext e ? Expression(e) : null, MissingExpression);

    // ===== types =====

    private GreenNode Type(TypeContext? type)
    {
        if (type is null)
        {
            return GreenFactory.NamedType(null, GreenToken.Missing(SyntaxKind.IdentifierToken));
        }

        var tag = type.tag is null ? null : Token(type.tag, SyntaxKind.StructKeyword);
        GreenNode result = GreenFactory.NamedType(tag, Token(type.IDENT(), SyntaxKind.IdentifierToken));
        foreach (var suffix in type.typeSuffix())
        {
            if (suffix.STAR() is { } star)
            {
                result = GreenFactory.PointerType(result, Token(star, SyntaxKind.AsteriskToken));
            }
            else
            {
                var open = Token(suffix.LBRACKET(), SyntaxKind.OpenBracketToken);
                var size = OptionalToken(suffix.INT());
                result = GreenFactory.ArrayType(result, open, size, Token(suffix.RBRACKET(), SyntaxKind.CloseBracketToken));
            }
        }

        return result;
    }

    // ===== lists =====

    /// <summary>
    /// Builds a separated list from the children of <paramref name="context"/>: <paramref name="element"/> picks
    /// elements, terminals of <paramref name="separatorType"/> are separators; missing elements or separators are
    /// filled in so the list always alternates element, separator, element.
    /// </summary>
    private GreenNode SeparatedList(ParserRuleContext context, int separatorType, Func<IParseTree, GreenNode?> element, Func<GreenNode> missingElement)
    {
        var items = new List<GreenNode>();
        bool expectElement = true;
        bool started = false;
        foreach (var child in context.children ?? new List<IParseTree>())
        {
            if (child is ITerminalNode t && t is not IErrorNode && t.Symbol.Type == separatorType && started)
            {
                if (expectElement)
                {
                    items.Add(missingElement());
                }

                items.Add(Token(t, TokenKinds.Map(separatorType)));
                expectElement = true;
                continue;
            }

            if (element(child) is { } node)
            {
                if (!expectElement)
                {
                    items.Add(GreenToken.Missing(TokenKinds.Map(separatorType)));
                }

                items.Add(node);
                expectElement = false;
                started = true;
            }
            else if (child is ITerminalNode open && open.Symbol.Type is Lexer.LPAREN or Lexer.LBRACKET or Lexer.COMMA)
            {
                // The list starts after the opening bracket (or the comma of offsetof).
                started = true;
            }
        }

        return GreenInnerNode.List(items);
    }

    /// <summary>All tokens of a rule in order (error nodes excluded: they become skipped trivia).</summary>
    private GreenNode TokenList(ParserRuleContext context)
    {
        var items = new List<GreenNode>();
        var stack = new Stack<IParseTree>();
        stack.Push(context);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is ITerminalNode terminal)
            {
                if (terminal is not IErrorNode && terminal.Symbol.TokenIndex >= _next)
                {
                    items.Add(Token(terminal, TokenKinds.Map(terminal.Symbol.Type)));
                }

                continue;
            }

            for (int i = node.ChildCount - 1; i >= 0; i--)
            {
                stack.Push(node.GetChild(i));
            }
        }

        if (items.Count == 0)
        {
            items.Add(GreenToken.Missing(context is AttachPointContext ? SyntaxKind.AttachPointPartToken : SyntaxKind.IdentifierToken));
        }

        return GreenInnerNode.List(items);
    }

    // ===== tokens =====

    /// <summary>An optional token: absent (null) if the parser did not see it or supplied it in recovery.</summary>
    private GreenToken? OptionalToken(ITerminalNode? node, bool consume = true)
    {
        if (node is null || node.Symbol.TokenIndex < 0)
        {
            return null;
        }

        return consume ? Token(node.Symbol, SyntaxKind.None) : GreenToken.Missing(SyntaxKind.None);
    }

    private GreenToken Token(ITerminalNode? node, SyntaxKind kindIfMissing) => Token(node?.Symbol, kindIfMissing);

    /// <summary>
    /// The green token for an ANTLR token, with the unused tokens before it as leading trivia and the hidden tokens after
    /// it up to the end of the line as trailing trivia. Conjured tokens (error recovery) are zero-width missing tokens.
    /// </summary>
    private GreenToken Token(IToken? token, SyntaxKind kindIfMissing)
    {
        if (token is null || token.TokenIndex < 0 || token.TokenIndex < _next || token.TokenIndex >= _tokens.Count)
        {
            var kind = token is not null && token.Type > 0 ? TokenKinds.Map(token.Type) : kindIfMissing;
            return GreenToken.Missing(kind == SyntaxKind.None ? kindIfMissing : kind);
        }

        return TokenAt(token.TokenIndex);
    }

    private GreenToken TokenAt(int index)
    {
        var leading = TriviaRange(_next, index);
        var token = _tokens[index];
        int end = index + 1;
        while (end < _tokens.Count && IsTrailingTrivia(_tokens[end]))
        {
            end++;
            if (_tokens[end - 1].Type == Lexer.NEWLINE)
            {
                break;
            }
        }

        var trailing = TriviaRange(index + 1, end);
        _next = end;
        string text = TextOf(token);
        var kind = TokenKinds.Map(token.Type);
        return _cache.GetToken(kind, text, leading, trailing, ValueOf(kind, text));
    }

    private static bool IsTrailingTrivia(IToken token) =>
        token.Channel == TokenConstants.HiddenChannel && token.Type != Lexer.SHEBANG;

    private GreenTrivia[]? TriviaRange(int start, int end)
    {
        if (end <= start)
        {
            return null;
        }

        if (end - start == 1)
        {
            return _cache.GetSingleTriviaArray(TriviaOf(_tokens[start]));
        }

        var trivia = new GreenTrivia[end - start];
        for (int i = start; i < end; i++)
        {
            trivia[i - start] = TriviaOf(_tokens[i]);
        }

        return trivia;
    }

    private GreenTrivia TriviaOf(IToken token)
    {
        var kind = token.Channel == TokenConstants.HiddenChannel ? TokenKinds.MapTrivia(token.Type) : SyntaxKind.SkippedTokensTrivia;
        return _cache.GetTrivia(kind, TextOf(token));
    }

    /// <summary>The text of a lexed token (the lexer never rewrites token texts, so it is the source span).</summary>
    private string TextOf(IToken token)
    {
        if (token.Type == TokenConstants.EOF)
        {
            return string.Empty;
        }

        int start = token.StartIndex;
        int length = token.StopIndex - start + 1;
        if (_source is null || start < 0 || length < 0 || start + length > _source.Length)
        {
            return token.Text;
        }

        return _cache.GetString(_source.AsSpan(start, length));
    }

    private static object? ValueOf(SyntaxKind kind, string text) => kind switch
    {
        SyntaxKind.IntegerLiteralToken => LiteralParser.TryParseInteger(text, out ulong value, out _) ? value : null,
        SyntaxKind.StringLiteralToken => LiteralParser.UnescapeString(text, out _),
        SyntaxKind.TrueKeyword => true,
        SyntaxKind.FalseKeyword => false,
        _ => null,
    };
}
