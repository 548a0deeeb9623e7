using System.Collections;
using BtLang.Syntax.InternalSyntax;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.Syntax;

/// <summary>A list of tokens (the raw tokens of an attach point or of a C definition).</summary>
public readonly struct SyntaxTokenList : IReadOnlyList<SyntaxToken>
{
    private readonly SyntaxNode? _list;

    internal SyntaxTokenList(SyntaxNode? list)
    {
        _list = list;
    }

    internal GreenNode? Green => _list?.Green;

    public int Count => _list?.Green.SlotCount ?? 0;

    public SyntaxToken this[int index] =>
        _list is not null && index >= 0 && index < Count ? _list.GetTokenAt(index) : throw new ArgumentOutOfRangeException(nameof(index));

    public TextSpan FullSpan => _list?.FullSpan ?? default;

    public TextSpan Span => _list?.Span ?? default;

    /// <summary>Makes a parentless token list (for <c>Update</c> and rewriters).</summary>
    public static SyntaxTokenList Create(IEnumerable<SyntaxToken> tokens) =>
        new(SyntaxListNode.Create(tokens.Select(t => (GreenNode)t.Green!).ToList()));

    public IEnumerator<SyntaxToken> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public string ToFullString() => _list?.ToFullString() ?? string.Empty;

    public override string ToString() => _list?.ToString() ?? string.Empty;
}
