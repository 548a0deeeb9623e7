using BtLang.Syntax.InternalSyntax;

namespace BtLang.Syntax;

/// <summary>
/// The red view of a green list. Internal: its elements report the list's owner as their parent, and
/// <see cref="SyntaxList{TNode}"/>, <see cref="SeparatedSyntaxList{TNode}"/> and <see cref="SyntaxTokenList"/> wrap it.
/// </summary>
internal sealed class SyntaxListNode : SyntaxNode
{
    internal SyntaxListNode(GreenNode green, SyntaxNode? parent, int position)
        : base(green, parent, position)
    {
    }

    /// <summary>Elements report the owner of the list (the list's parent) as their parent.</summary>
    internal override SyntaxNode ParentForChildren => Parent ?? this;

    public override void Accept(SyntaxVisitor visitor) => visitor.DefaultVisit(this);

    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.DefaultVisit(this);

    internal int Count => Green.SlotCount;

    internal SyntaxNodeOrToken GetItem(int index)
    {
        var green = Green.GetSlot(index)!;
        return green is GreenToken token
            ? new SyntaxNodeOrToken(new SyntaxToken(ParentForChildren, token, GetChildPosition(index)))
            : new SyntaxNodeOrToken(GetRed(index)!);
    }

    internal static SyntaxListNode Create(IReadOnlyList<GreenNode> items) =>
        new(GreenInnerNode.List(items), null, 0);
}
