using System.Globalization;
using BtLang.Diagnostics;
using BtLang.Syntax.InternalSyntax;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.Syntax;

/// <summary>
/// A token with its position and parent. A readonly struct: walking tokens allocates nothing.
/// <c>default(SyntaxToken)</c> (kind <see cref="SyntaxKind.None"/>) stands for an absent optional token.
/// </summary>
public readonly struct SyntaxToken : IEquatable<SyntaxToken>
{
    internal SyntaxToken(SyntaxNode? parent, GreenToken? green, int position)
    {
        Parent = parent;
        Green = green;
        Position = position;
    }

    internal GreenToken? Green { get; }

    internal int Position { get; }

    public SyntaxNode? Parent { get; }

    public SyntaxKind Kind => Green?.Kind ?? SyntaxKind.None;

    /// <summary>The source text of the token (empty for a missing token).</summary>
    public string Text => Green?.Text ?? string.Empty;

    /// <summary>
    /// The value of a literal: <see cref="ulong"/> for integer literals (suffixes dropped, durations converted to
    /// nanoseconds, <c>2e3</c> expanded), the unescaped <see cref="string"/> for string literals, <c>true</c>/<c>false</c>
    /// for those keywords; null for other tokens and for literals that are not valid.
    /// </summary>
    public object? Value => Green?.Value;

    /// <summary>The value as text: the unescaped string for string literals, the decimal value for integers, else the text.</summary>
    public string ValueText => Green?.Value switch
    {
        string s => s,
        ulong n => n.ToString(CultureInfo.InvariantCulture),
        _ => Text,
    };

    public bool IsMissing => Green?.IsMissing ?? false;

    public TextSpan Span => Green is null ? default : new TextSpan(Position + Green.GetLeadingTriviaWidth(), Green.Text.Length);

    public TextSpan FullSpan => Green is null ? default : new TextSpan(Position, Green.FullWidth);

    public SyntaxTriviaList LeadingTrivia => Green is null ? default : new SyntaxTriviaList(this, Green.LeadingTrivia, Position);

    public SyntaxTriviaList TrailingTrivia =>
        Green is null ? default : new SyntaxTriviaList(this, Green.TrailingTrivia, Position + Green.GetLeadingTriviaWidth() + Green.Text.Length);

    public bool HasLeadingTrivia => Green is { LeadingTrivia.Length: > 0 };

    public bool HasTrailingTrivia => Green is { TrailingTrivia.Length: > 0 };

    public SyntaxTree? SyntaxTree => Parent?.SyntaxTree;

    public Location GetLocation() => SyntaxTree is { } tree ? tree.GetLocation(Span) : new Location(null, string.Empty, Span);

    /// <summary>The token with its trivia, exactly as in the source.</summary>
    public string ToFullString() => Green?.ToFullString() ?? string.Empty;

    /// <summary>The token text without trivia.</summary>
    public override string ToString() => Text;

    public bool Equals(SyntaxToken other) =>
        ReferenceEquals(Green, other.Green) && ReferenceEquals(Parent, other.Parent) && Position == other.Position;

    public override bool Equals(object? obj) => obj is SyntaxToken other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Green, Parent, Position);

    public static bool operator ==(SyntaxToken left, SyntaxToken right) => left.Equals(right);

    public static bool operator !=(SyntaxToken left, SyntaxToken right) => !left.Equals(right);
}
