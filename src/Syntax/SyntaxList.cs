using System.Collections;
using BtLang.Syntax.InternalSyntax;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.Syntax;

/// <summary>A list of nodes (for example the statements of a block).</summary>
public readonly struct SyntaxList<TNode> : IReadOnlyList<TNode>
    where TNode : SyntaxNode
{
    private readonly SyntaxNode? _list;

    internal SyntaxList(SyntaxNode? list)
    {
        _list = list;
    }

    internal GreenNode? Green => _list?.Green;

    public int Count => _list?.Green.SlotCount ?? 0;

    public TNode this[int index] =>
        _list is not null && index >= 0 && index < Count ? (TNode)_list.GetRed(index)! : throw new ArgumentOutOfRangeException(nameof(index));

    public TextSpan FullSpan => _list?.FullSpan ?? default;

    public TextSpan Span => _list?.Span ?? default;

    /// <summary>Makes a parentless list of the given nodes (for <c>Update</c> and rewriters).</summary>
    public static SyntaxList<TNode> Create(IEnumerable<TNode> nodes) =>
        new(SyntaxListNode.Create(nodes.Select(n => n.Green).ToList()));

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
