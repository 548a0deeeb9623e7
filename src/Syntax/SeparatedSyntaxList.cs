using System.Collections;
using BtLang.Syntax.InternalSyntax;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.Syntax;

/// <summary>
/// A list of nodes with separator tokens between them (<c>a, b, c</c>), possibly with a trailing separator
/// (<c>(x,)</c>). Enumerating yields the nodes; <see cref="GetSeparators"/> and <see cref="GetWithSeparators"/> give
/// the rest.
/// </summary>
public readonly struct SeparatedSyntaxList<TNode> : IReadOnlyList<TNode>
    where TNode : SyntaxNode
{
    private readonly SyntaxNode? _list;

    internal SeparatedSyntaxList(SyntaxNode? list)
    {
        _list = list;
    }

    internal GreenNode? Green => _list?.Green;

    /// <summary>The number of nodes (not separators).</summary>
    public int Count => (SlotCount + 1) / 2;

    public int SeparatorCount => SlotCount / 2;

    private int SlotCount => _list?.Green.SlotCount ?? 0;

    public TNode this[int index] =>
        _list is not null && index >= 0 && index < Count ? (TNode)_list.GetRed(index * 2)! : throw new ArgumentOutOfRangeException(nameof(index));

    public TextSpan FullSpan => _list?.FullSpan ?? default;

    public TextSpan Span => _list?.Span ?? default;

    public SyntaxToken GetSeparator(int index) =>
        _list is not null && index >= 0 && index < SeparatorCount ? _list.GetTokenAt(index * 2 + 1) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerable<SyntaxToken> GetSeparators()
    {
        for (int i = 0; i < SeparatorCount; i++)
        {
            yield return GetSeparator(i);
        }
    }

    /// <summary>Nodes and separators in source order.</summary>
    public IEnumerable<SyntaxNodeOrToken> GetWithSeparators()
    {
        if (_list is SyntaxListNode list)
        {
            for (int i = 0; i < list.Count; i++)
            {
                yield return list.GetItem(i);
            }
        }
    }

    /// <summary>Makes a parentless list from nodes and separators in source order (for <c>Update</c> and rewriters).</summary>
    public static SeparatedSyntaxList<TNode> Create(IEnumerable<SyntaxNodeOrToken> nodesAndSeparators) =>
        new(SyntaxListNode.Create(nodesAndSeparators
            .Select(n => n.IsNode ? n.AsNode()!.Green : (GreenNode)n.AsToken().Green!)
            .ToList()));

    public IEnumerator<TNode> GetEnumerator()
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
