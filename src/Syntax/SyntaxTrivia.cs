using BtLang.Syntax.InternalSyntax;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.Syntax;

/// <summary>Whitespace, a newline, a comment, a shebang or a skipped token, attached to a token.</summary>
public readonly struct SyntaxTrivia : IEquatable<SyntaxTrivia>
{
    internal SyntaxTrivia(SyntaxToken token, GreenTrivia green, int position)
    {
        Token = token;
        Green = green;
        Position = position;
    }

    internal GreenTrivia? Green { get; }

    internal int Position { get; }

    /// <summary>The token this trivia belongs to.</summary>
    public SyntaxToken Token { get; }

    public SyntaxKind Kind => Green?.Kind ?? SyntaxKind.None;

    public string Text => Green?.Text ?? string.Empty;

    public TextSpan Span => new(Position, Green?.FullWidth ?? 0);

    public TextSpan FullSpan => Span;

    public string ToFullString() => Text;

    public override string ToString() => Text;

    public bool Equals(SyntaxTrivia other) => ReferenceEquals(Green, other.Green) && Position == other.Position && Token.Equals(other.Token);

    public override bool Equals(object? obj) => obj is SyntaxTrivia other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Green, Position);
}
