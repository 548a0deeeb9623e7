using Antlr4.Runtime;

namespace BtLang.Syntax.Parsing.Generated;

/// <summary>
/// The context-dependent part of the lexer (the rules are in grammar/BtLangLexer.g4): when to lex attach points,
/// where a predicate ends, and which identifiers are contextual keywords.
/// </summary>
internal partial class BtLangLexer
{
    private const int NormalMode = 0;

    private int _braceDepth;
    private int _parenDepth;
    private bool _atMemberStart = true;
    private bool _inPredicate;
    private int _predicateParenDepth;
    private int _lastDefaultType = -1;

    /// <summary>True where a top-level member may start: the state the lexer starts in, every bracket closed.</summary>
    public bool IsAtTopLevelMemberStart =>
        CurrentMode == NormalMode && _atMemberStart && _braceDepth == 0 && _parenDepth == 0 && !_inPredicate;

    public override IToken NextToken()
    {
        if (CurrentMode == NormalMode && ShouldStartAttachPoints())
        {
            Mode(ATTACH);
            _parenDepth = 0;
        }

        var token = (CommonToken)base.NextToken();
        if (token.Type == Eof)
        {
            return token;
        }

        if (token.Channel != DefaultTokenChannel)
        {
            // `probe /pred/`: a `/` after whitespace ends the attach points and opens a predicate.
            if (CurrentMode == ATTACH && (token.Type == WS || token.Type == NEWLINE) && IsPredicateSlashAhead())
            {
                Mode(NormalMode);
                _inPredicate = true;
                _predicateParenDepth = _parenDepth;
            }

            return token;
        }

        switch (token.Type)
        {
            case LBRACE:
                _braceDepth++;
                _inPredicate = false;
                _atMemberStart = false;
                break;
            case RBRACE:
                _braceDepth = Math.Max(0, _braceDepth - 1);
                _atMemberStart = _braceDepth == 0;
                break;
            case LPAREN:
            case LBRACKET:
                _parenDepth++;
                _atMemberStart = false;
                break;
            case RPAREN:
            case RBRACKET:
                _parenDepth = Math.Max(0, _parenDepth - 1);
                _atMemberStart = _atMemberStart && _braceDepth == 0;
                break;
            case SEMI:
            case PREPROCESSOR:
                _atMemberStart = _braceDepth == 0;
                break;
            case STRING:
                // `import "x"` ends a member even without its `;`.
                _atMemberStart = _braceDepth == 0 && _lastDefaultType == IMPORT;
                break;
            case IDENT:
                if (_atMemberStart && _braceDepth == 0)
                {
                    token.Type = SyntaxFacts.GetContextualKeywordKind(token.Text) switch
                    {
                        SyntaxKind.ConfigKeyword => CONFIG,
                        SyntaxKind.MacroKeyword => MACRO,
                        SyntaxKind.ImportKeyword => IMPORT,
                        SyntaxKind.TypedefKeyword => TYPEDEF,
                        _ => IDENT,
                    };
                }

                _atMemberStart = false;
                break;
            case SLASH:
                if (_inPredicate && _parenDepth <= _predicateParenDepth && IsOpenBraceAhead())
                {
                    token.Type = PRED_END;
                    _inPredicate = false;
                }

                _atMemberStart = _atMemberStart && _braceDepth == 0 && token.Type == SLASH;
                break;
            case ATTACH_PART:
            case COLON:
            case COMMA:
            case LET:
            case STRUCT:
            case UNION:
            case ENUM:
                _atMemberStart = false;
                break;
            default:
                // Garbage between top-level members does not hide the next probe header.
                _atMemberStart = _atMemberStart && _braceDepth == 0;
                break;
        }

        _lastDefaultType = token.Type;
        return token;
    }

    public override void Reset()
    {
        base.Reset();
        _braceDepth = 0;
        _parenDepth = 0;
        _atMemberStart = true;
        _inPredicate = false;
        _lastDefaultType = -1;
    }

    private bool ShouldStartAttachPoints()
    {
        int c = InputStream.LA(1);
        if (c == IntStreamConstants.EOF)
        {
            return false;
        }

        if (_atMemberStart && _braceDepth == 0)
        {
            if (!IsAttachPointStart(c))
            {
                return false;
            }

            string word = PeekWord(1);
            return SyntaxFacts.GetKeywordKind(word) == SyntaxKind.None && SyntaxFacts.GetContextualKeywordKind(word) == SyntaxKind.None;
        }

        // Recovery for a missing `}`: a probe header or a top-level keyword at the start of a line inside a block
        // ends the block.
        if (_braceDepth > 0 && Column == 0 && (LooksLikeProbeHeader() || LooksLikeTopLevelKeyword()))
        {
            _braceDepth = 0;
            _parenDepth = 0;
            _atMemberStart = true;
            _inPredicate = false;
            return LooksLikeProbeHeader();
        }

        return false;
    }

    private static bool IsAttachPointStart(int c) =>
        char.IsAsciiLetterOrDigit((char)c) || c == '_' || c == '*' || c == '?' || c == '"' || c == '.' || c == ':';

    private bool LooksLikeProbeHeader()
    {
        string word = PeekWord(1);
        if (word.Length == 0)
        {
            return false;
        }

        int after = InputStream.LA(word.Length + 1);
        if (after == ':')
        {
            int next = InputStream.LA(word.Length + 2);
            return SyntaxFacts.IsProbeProviderName(word) && next != ' ' && next != '\t' && next != '\n' && next != '\r' && next != ':';
        }

        if (word is "BEGIN" or "END" or "begin" or "end")
        {
            int i = word.Length + 1;
            while (InputStream.LA(i) is ' ' or '\t')
            {
                i++;
            }

            int c = InputStream.LA(i);
            return c == '{' || c == ',' || (word is "BEGIN" or "END" && (c == '\n' || c == '\r' || c == '/'));
        }

        return false;
    }

    /// <summary>`macro name(`, `config = {`, `import "`: members that cannot start a statement.</summary>
    private bool LooksLikeTopLevelKeyword()
    {
        string word = PeekWord(1);
        int i = word.Length + 1;
        while (InputStream.LA(i) is ' ' or '\t')
        {
            i++;
        }

        int next = InputStream.LA(i);
        return word switch
        {
            "macro" => i > word.Length + 1 && (char.IsAsciiLetter((char)next) || next == '_'),
            "config" => next == '=',
            "import" => next == '"',
            _ => false,
        };
    }

    private string PeekWord(int offset)
    {
        var chars = new System.Text.StringBuilder();
        for (int i = offset; ; i++)
        {
            int c = InputStream.LA(i);
            if (c == IntStreamConstants.EOF || !(char.IsAsciiLetterOrDigit((char)c) || c == '_'))
            {
                break;
            }

            chars.Append((char)c);
        }

        return chars.ToString();
    }

    private bool IsPredicateSlashAhead() =>
        InputStream.LA(1) == '/' && InputStream.LA(2) != '/' && InputStream.LA(2) != '*';

    /// <summary>Is the next character that is not whitespace or part of a comment a `{`?</summary>
    private bool IsOpenBraceAhead()
    {
        for (int i = 1; ; i++)
        {
            int c = InputStream.LA(i);
            if (c is ' ' or '\t' or '\r' or '\n' or '\f' or '\v')
            {
                continue;
            }

            if (c == '/' && InputStream.LA(i + 1) == '/')
            {
                while (InputStream.LA(i) is not ('\n' or IntStreamConstants.EOF))
                {
                    i++;
                }

                continue;
            }

            if (c == '/' && InputStream.LA(i + 1) == '*')
            {
                i += 2;
                while (InputStream.LA(i) != IntStreamConstants.EOF && !(InputStream.LA(i) == '*' && InputStream.LA(i + 1) == '/'))
                {
                    i++;
                }

                i++;
                continue;
            }

            return c == '{';
        }
    }
}
