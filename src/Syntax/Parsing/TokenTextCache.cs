using System.Runtime.CompilerServices;
using BtLang.Syntax.InternalSyntax;

namespace BtLang.Syntax.Parsing;

/// <summary>
/// Shares the strings of short tokens (keywords, operators, names, whitespace), the green trivia of whitespace and
/// newlines, one-trivia arrays and the green tokens made of them between parses on one thread: a 1,000-line script
/// has some 12,000 lexer tokens but a few hundred distinct short ones, and each would otherwise be new objects.
/// Green nodes are immutable and carry no position (red nodes and tokens are told apart by parent and position),
/// so sharing them is safe. Bounded: cleared when it grows past <see cref="MaxEntries"/>.
/// </summary>
internal sealed class TokenTextCache
{
    private const int MaxLength = 32;
    private const int MaxEntries = 16384;

    [ThreadStatic]
    private static TokenTextCache? t_current;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Dictionary<string, GreenTrivia> _whitespace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GreenTrivia> _newlines = new(StringComparer.Ordinal);
    private readonly Dictionary<GreenTrivia, GreenTrivia[]> _singleTrivia = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<TokenKey, GreenToken> _tokens = new();

    private TokenTextCache() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The cache of the calling thread.</summary>
    public static TokenTextCache Current => t_current ??= new TokenTextCache();

    /// <summary>The string for <paramref name="chars"/>: a shared one for short texts, else a new one.</summary>
    public string GetString(ReadOnlySpan<char> chars)
    {
        if (chars.Length == 0)
        {
            return string.Empty;
        }

        if (chars.Length > MaxLength)
        {
            return chars.ToString();
        }

        if (_lookup.TryGetValue(chars, out string? shared))
        {
            return shared;
        }

        if (_strings.Count >= MaxEntries || _tokens.Count >= MaxEntries)
        {
            _strings.Clear();
            _whitespace.Clear();
            _newlines.Clear();
            _singleTrivia.Clear();
            _tokens.Clear();
        }

        string text = chars.ToString();
        _strings[text] = text;
        return text;
    }

    /// <summary>
    /// The array for one trivia: shared when the trivia is (whitespace, newline), else new. Never written to after
    /// the parse hands it to a token.
    /// </summary>
    public GreenTrivia[] GetSingleTriviaArray(GreenTrivia trivia)
    {
        if (!IsShared(trivia))
        {
            return [trivia];
        }

        if (!_singleTrivia.TryGetValue(trivia, out var array))
        {
            array = [trivia];
            _singleTrivia[trivia] = array;
        }

        return array;
    }

    /// <summary>
    /// A token without a value whose text is shared and whose trivia arrays are absent or shared: one instance for
    /// all its occurrences; else a new token.
    /// </summary>
    public GreenToken GetToken(SyntaxKind kind, string text, GreenTrivia[]? leading, GreenTrivia[]? trailing, object? value)
    {
        if (value is not null || text.Length > MaxLength || !IsSharedOrNone(leading) || !IsSharedOrNone(trailing))
        {
            return new GreenToken(kind, text, leading, trailing, value, isMissing: false);
        }

        var key = new TokenKey(kind, text, leading, trailing);
        if (!_tokens.TryGetValue(key, out var token))
        {
            token = new GreenToken(kind, text, leading, trailing, null, isMissing: false);
            if (_tokens.Count < MaxEntries)
            {
                _tokens[key] = token;
            }
        }

        return token;
    }

    private bool IsShared(GreenTrivia trivia) =>
        trivia.Kind switch
        {
            SyntaxKind.WhitespaceTrivia => _whitespace.TryGetValue(trivia.Text, out var w) && ReferenceEquals(w, trivia),
            SyntaxKind.EndOfLineTrivia => _newlines.TryGetValue(trivia.Text, out var n) && ReferenceEquals(n, trivia),
            _ => false,
        };

    private bool IsSharedOrNone(GreenTrivia[]? trivia) =>
        trivia is null || (trivia.Length == 1 && _singleTrivia.TryGetValue(trivia[0], out var shared) && ReferenceEquals(shared, trivia));

    /// <summary>A shared token's identity: texts are shared strings and trivia arrays shared arrays, compared by reference.</summary>
    private readonly record struct TokenKey(SyntaxKind Kind, string Text, GreenTrivia[]? Leading, GreenTrivia[]? Trailing)
    {
        public bool Equals(TokenKey other) =>
            Kind == other.Kind && ReferenceEquals(Text, other.Text) && ReferenceEquals(Leading, other.Leading) && ReferenceEquals(Trailing, other.Trailing);

        public override int GetHashCode() =>
            HashCode.Combine(Kind, RuntimeHelpers.GetHashCode(Text), Leading is null ? 0 : RuntimeHelpers.GetHashCode(Leading), Trailing is null ? 0 : RuntimeHelpers.GetHashCode(Trailing));
    }

    /// <summary>A trivia node; whitespace and newline trivia of a shared text are shared too.</summary>
    public GreenTrivia GetTrivia(SyntaxKind kind, string text)
    {
        var cache = kind switch
        {
            SyntaxKind.WhitespaceTrivia => _whitespace,
            SyntaxKind.EndOfLineTrivia => _newlines,
            _ => null,
        };
        if (cache is null || text.Length > MaxLength)
        {
            return new GreenTrivia(kind, text);
        }

        if (!cache.TryGetValue(text, out var trivia))
        {
            trivia = new GreenTrivia(kind, text);
            cache[text] = trivia;
        }

        return trivia;
    }
}
