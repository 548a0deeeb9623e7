using Microsoft.CodeAnalysis.Text;

namespace BtLang.Syntax;

/// <summary>Either a node or a token: what <see cref="SyntaxNode.ChildNodesAndTokens"/> yields.</summary>
public readonly struct SyntaxNodeOrToken : IEquatable<SyntaxNodeOrToken>
{
    private readonly SyntaxNode? _node;
    private readonly SyntaxToken _token;

    public SyntaxNodeOrToken(SyntaxNode node)
    {
        _node = node;
        _token = default;
    }

    public SyntaxNodeOrToken(SyntaxToken token)
    {
        _node = null;
        _token = token;
    }

    public bool IsNode => _node is not null;

    public bool IsToken => _node is null && _token.Kind != SyntaxKind.None;

    public SyntaxKind Kind => _node?.Kind ?? _token.Kind;

    public TextSpan Span => _node?.Span ?? _token.Span;

    public TextSpan FullSpan => _node?.FullSpan ?? _token.FullSpan;

    public SyntaxNode? Parent => _node is not null ? _node.Parent : _token.Parent;

    public SyntaxNode? AsNode() => _node;

    public SyntaxToken AsToken() => _token;

    public string ToFullString() => _node?.ToFullString() ?? _token.ToFullString();

    public override string ToString() => _node?.ToString() ?? _token.ToString();

    public bool Equals(SyntaxNodeOrToken other) => ReferenceEquals(_node, other._node) && _token.Equals(other._token);

    public override bool Equals(object? obj) => obj is SyntaxNodeOrToken other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_node, _token);

    public static implicit operator SyntaxNodeOrToken(SyntaxToken token) => new(token);

    public static implicit operator SyntaxNodeOrToken(SyntaxNode node) => new(node);
}
