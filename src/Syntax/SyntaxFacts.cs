namespace BtLang.Syntax;

/// <summary>Facts about the language: token texts, keywords, operator precedence, probe providers, type names.</summary>
public static class SyntaxFacts
{
    private static readonly Dictionary<string, SyntaxKind> Keywords = new(StringComparer.Ordinal)
    {
        ["if"] = SyntaxKind.IfKeyword,
        ["else"] = SyntaxKind.ElseKeyword,
        ["unroll"] = SyntaxKind.UnrollKeyword,
        ["while"] = SyntaxKind.WhileKeyword,
        ["for"] = SyntaxKind.ForKeyword,
        ["break"] = SyntaxKind.BreakKeyword,
        ["continue"] = SyntaxKind.ContinueKeyword,
        ["return"] = SyntaxKind.ReturnKeyword,
        ["let"] = SyntaxKind.LetKeyword,
        ["sizeof"] = SyntaxKind.SizeofKeyword,
        ["offsetof"] = SyntaxKind.OffsetofKeyword,
        ["struct"] = SyntaxKind.StructKeyword,
        ["union"] = SyntaxKind.UnionKeyword,
        ["enum"] = SyntaxKind.EnumKeyword,
        ["true"] = SyntaxKind.TrueKeyword,
        ["false"] = SyntaxKind.FalseKeyword,
    };

    private static readonly Dictionary<string, SyntaxKind> ContextualKeywords = new(StringComparer.Ordinal)
    {
        ["config"] = SyntaxKind.ConfigKeyword,
        ["macro"] = SyntaxKind.MacroKeyword,
        ["import"] = SyntaxKind.ImportKeyword,
        ["typedef"] = SyntaxKind.TypedefKeyword,
    };

    private static readonly HashSet<string> BuiltinTypeNames = new(StringComparer.Ordinal)
    {
        "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "bool", "string", "buffer",
        "inet", "usym", "ksym", "timestamp", "kstack", "ustack", "void", "char", "short", "int", "long",
        "size_t", "ssize_t", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "__u8", "__u16", "__u32",
        "__u64", "__s8", "__s16", "__s32", "__s64", "pid_t", "uid_t", "gid_t",
    };

    /// <summary>Every probe provider with its spellings.</summary>
    public static IReadOnlyList<ProbeProvider> ProbeProviders { get; } = new[]
    {
        new ProbeProvider("kprobe", "k"),
        new ProbeProvider("kretprobe", "kr"),
        new ProbeProvider("uprobe", "u"),
        new ProbeProvider("uretprobe", "ur"),
        new ProbeProvider("tracepoint", "t"),
        new ProbeProvider("rawtracepoint", "rt"),
        new ProbeProvider("usdt", "U"),
        new ProbeProvider("profile", "p"),
        new ProbeProvider("interval", "i"),
        new ProbeProvider("software", "s"),
        new ProbeProvider("hardware", "h"),
        new ProbeProvider("watchpoint", "w"),
        new ProbeProvider("asyncwatchpoint", "aw"),
        new ProbeProvider("fentry", "f", "kfunc"),
        new ProbeProvider("fexit", "fr", "kretfunc"),
        new ProbeProvider("iter", "it"),
        new ProbeProvider("self", null),
        new ProbeProvider("test", null),
        new ProbeProvider("bench", null),
        new ProbeProvider("begin", null, "BEGIN"),
        new ProbeProvider("end", null, "END"),
    };

    /// <summary>The provider named by a long name or short alias (<c>t</c>, <c>tracepoint</c>, <c>BEGIN</c>), else null.</summary>
    public static ProbeProvider? GetProbeProvider(string nameOrAlias)
    {
        foreach (var provider in ProbeProviders)
        {
            if (provider.ShortName == nameOrAlias
                || string.Equals(provider.Name, nameOrAlias, StringComparison.OrdinalIgnoreCase)
                || provider.OtherNames.Any(n => string.Equals(n, nameOrAlias, StringComparison.OrdinalIgnoreCase)))
            {
                return provider;
            }
        }

        return null;
    }

    public static bool IsProbeProviderName(string text) => GetProbeProvider(text) is not null;

    /// <summary>The keyword kind of <paramref name="text"/> (reserved keywords only), else <see cref="SyntaxKind.None"/>.</summary>
    public static SyntaxKind GetKeywordKind(string text) => Keywords.TryGetValue(text, out var kind) ? kind : SyntaxKind.None;

    /// <summary>Keywords only at the start of a top-level member: config, macro, import, typedef.</summary>
    public static SyntaxKind GetContextualKeywordKind(string text) =>
        ContextualKeywords.TryGetValue(text, out var kind) ? kind : SyntaxKind.None;

    public static bool IsKeyword(SyntaxKind kind) => kind >= SyntaxKind.IfKeyword && kind <= SyntaxKind.TypedefKeyword;

    public static bool IsTrivia(SyntaxKind kind) => kind >= SyntaxKind.WhitespaceTrivia && kind <= SyntaxKind.SkippedTokensTrivia;

    public static bool IsToken(SyntaxKind kind) => kind >= SyntaxKind.BadToken && kind <= SyntaxKind.TypedefKeyword;

    /// <summary>Names that are types without a struct/union/enum keyword: <c>uint32</c>, <c>string</c>, <c>u64</c>, ...</summary>
    public static bool IsBuiltinTypeName(string text) => BuiltinTypeNames.Contains(text);

    /// <summary>Binary operator precedence, C's order: 1 (<c>||</c>) .. 10 (<c>* / %</c>); 0 if not a binary operator.</summary>
    public static int GetBinaryOperatorPrecedence(SyntaxKind kind) => kind switch
    {
        SyntaxKind.AsteriskToken or SyntaxKind.SlashToken or SyntaxKind.PercentToken => 10,
        SyntaxKind.PlusToken or SyntaxKind.MinusToken => 9,
        SyntaxKind.LessThanLessThanToken or SyntaxKind.GreaterThanGreaterThanToken => 8,
        SyntaxKind.LessThanToken or SyntaxKind.LessThanEqualsToken or SyntaxKind.GreaterThanToken or SyntaxKind.GreaterThanEqualsToken => 7,
        SyntaxKind.EqualsEqualsToken or SyntaxKind.ExclamationEqualsToken => 6,
        SyntaxKind.AmpersandToken => 5,
        SyntaxKind.CaretToken => 4,
        SyntaxKind.BarToken => 3,
        SyntaxKind.AmpersandAmpersandToken => 2,
        SyntaxKind.BarBarToken => 1,
        _ => 0,
    };

    /// <summary>Unary operators (<c>! ~ - + * &amp; ++ --</c> in front) bind tighter than every binary operator.</summary>
    public static int UnaryOperatorPrecedence => 11;

    public static bool IsPrefixUnaryOperator(SyntaxKind kind) => kind is SyntaxKind.ExclamationToken or SyntaxKind.TildeToken
        or SyntaxKind.MinusToken or SyntaxKind.PlusToken or SyntaxKind.AsteriskToken or SyntaxKind.AmpersandToken
        or SyntaxKind.PlusPlusToken or SyntaxKind.MinusMinusToken;

    public static bool IsPostfixUnaryOperator(SyntaxKind kind) => kind is SyntaxKind.PlusPlusToken or SyntaxKind.MinusMinusToken;

    public static bool IsAssignmentOperator(SyntaxKind kind) => kind is SyntaxKind.EqualsToken or SyntaxKind.PlusEqualsToken
        or SyntaxKind.MinusEqualsToken or SyntaxKind.AsteriskEqualsToken or SyntaxKind.SlashEqualsToken
        or SyntaxKind.PercentEqualsToken or SyntaxKind.AmpersandEqualsToken or SyntaxKind.BarEqualsToken
        or SyntaxKind.CaretEqualsToken or SyntaxKind.LessThanLessThanEqualsToken or SyntaxKind.GreaterThanGreaterThanEqualsToken;

    /// <summary>For a compound assignment (<c>+=</c>), the binary operator it applies (<c>+</c>); else None.</summary>
    public static SyntaxKind GetBinaryOperatorOfCompoundAssignment(SyntaxKind kind) => kind switch
    {
        SyntaxKind.PlusEqualsToken => SyntaxKind.PlusToken,
        SyntaxKind.MinusEqualsToken => SyntaxKind.MinusToken,
        SyntaxKind.AsteriskEqualsToken => SyntaxKind.AsteriskToken,
        SyntaxKind.SlashEqualsToken => SyntaxKind.SlashToken,
        SyntaxKind.PercentEqualsToken => SyntaxKind.PercentToken,
        SyntaxKind.AmpersandEqualsToken => SyntaxKind.AmpersandToken,
        SyntaxKind.BarEqualsToken => SyntaxKind.BarToken,
        SyntaxKind.CaretEqualsToken => SyntaxKind.CaretToken,
        SyntaxKind.LessThanLessThanEqualsToken => SyntaxKind.LessThanLessThanToken,
        SyntaxKind.GreaterThanGreaterThanEqualsToken => SyntaxKind.GreaterThanGreaterThanToken,
        _ => SyntaxKind.None,
    };

    /// <summary>The fixed text of a punctuation, operator or keyword kind; null for kinds with variable text.</summary>
    public static string? GetText(SyntaxKind kind) => kind switch
    {
        SyntaxKind.OpenBraceToken => "{",
        SyntaxKind.CloseBraceToken => "}",
        SyntaxKind.OpenParenToken => "(",
        SyntaxKind.CloseParenToken => ")",
        SyntaxKind.OpenBracketToken => "[",
        SyntaxKind.CloseBracketToken => "]",
        SyntaxKind.SemicolonToken => ";",
        SyntaxKind.CommaToken => ",",
        SyntaxKind.ColonToken => ":",
        SyntaxKind.DotToken => ".",
        SyntaxKind.DotDotToken => "..",
        SyntaxKind.ArrowToken => "->",
        SyntaxKind.QuestionToken => "?",
        SyntaxKind.PlusToken => "+",
        SyntaxKind.MinusToken => "-",
        SyntaxKind.AsteriskToken => "*",
        SyntaxKind.SlashToken => "/",
        SyntaxKind.PercentToken => "%",
        SyntaxKind.AmpersandToken => "&",
        SyntaxKind.BarToken => "|",
        SyntaxKind.CaretToken => "^",
        SyntaxKind.TildeToken => "~",
        SyntaxKind.ExclamationToken => "!",
        SyntaxKind.LessThanToken => "<",
        SyntaxKind.LessThanEqualsToken => "<=",
        SyntaxKind.GreaterThanToken => ">",
        SyntaxKind.GreaterThanEqualsToken => ">=",
        SyntaxKind.EqualsEqualsToken => "==",
        SyntaxKind.ExclamationEqualsToken => "!=",
        SyntaxKind.AmpersandAmpersandToken => "&&",
        SyntaxKind.BarBarToken => "||",
        SyntaxKind.LessThanLessThanToken => "<<",
        SyntaxKind.GreaterThanGreaterThanToken => ">>",
        SyntaxKind.PlusPlusToken => "++",
        SyntaxKind.MinusMinusToken => "--",
        SyntaxKind.EqualsToken => "=",
        SyntaxKind.PlusEqualsToken => "+=",
        SyntaxKind.MinusEqualsToken => "-=",
        SyntaxKind.AsteriskEqualsToken => "*=",
        SyntaxKind.SlashEqualsToken => "/=",
        SyntaxKind.PercentEqualsToken => "%=",
        SyntaxKind.AmpersandEqualsToken => "&=",
        SyntaxKind.BarEqualsToken => "|=",
        SyntaxKind.CaretEqualsToken => "^=",
        SyntaxKind.LessThanLessThanEqualsToken => "<<=",
        SyntaxKind.GreaterThanGreaterThanEqualsToken => ">>=",
        SyntaxKind.IfKeyword => "if",
        SyntaxKind.ElseKeyword => "else",
        SyntaxKind.UnrollKeyword => "unroll",
        SyntaxKind.WhileKeyword => "while",
        SyntaxKind.ForKeyword => "for",
        SyntaxKind.BreakKeyword => "break",
        SyntaxKind.ContinueKeyword => "continue",
        SyntaxKind.ReturnKeyword => "return",
        SyntaxKind.LetKeyword => "let",
        SyntaxKind.SizeofKeyword => "sizeof",
        SyntaxKind.OffsetofKeyword => "offsetof",
        SyntaxKind.StructKeyword => "struct",
        SyntaxKind.UnionKeyword => "union",
        SyntaxKind.EnumKeyword => "enum",
        SyntaxKind.TrueKeyword => "true",
        SyntaxKind.FalseKeyword => "false",
        SyntaxKind.ConfigKeyword => "config",
        SyntaxKind.MacroKeyword => "macro",
        SyntaxKind.ImportKeyword => "import",
        SyntaxKind.TypedefKeyword => "typedef",
        _ => null,
    };
}
