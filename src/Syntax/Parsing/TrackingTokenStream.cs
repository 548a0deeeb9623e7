using Antlr4.Runtime;

namespace BtLang.Syntax.Parsing;

/// <summary>
/// A token stream that remembers the furthest token the parser has looked at (through <c>LT</c>/<c>LA</c>,
/// prediction included), so an incremental reparse can tell whether a window's parse depended on what follows it.
/// </summary>
internal sealed class TrackingTokenStream : CommonTokenStream
{
    public TrackingTokenStream(ITokenSource tokenSource, int expectedTokens = 0)
        : base(tokenSource)
    {
        // The buffer grows one token at a time; sized up front it is not copied a dozen times on a long script.
        if (expectedTokens > 0 && tokens is List<IToken> list)
        {
            list.Capacity = expectedTokens;
        }
    }

    /// <summary>The index of the furthest token looked at so far (-1 before any).</summary>
    public int FurthestExamined { get; private set; } = -1;

    public override IToken LT(int k)
    {
        var token = base.LT(k);
        if (token is not null && token.TokenIndex > FurthestExamined)
        {
            FurthestExamined = token.TokenIndex;
        }

        return token!;
    }

    /// <summary>Forgets what was looked at (a second parse of the same tokens starts afresh).</summary>
    public void ResetTracking() => FurthestExamined = -1;
}
