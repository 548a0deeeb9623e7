namespace BtLang.Syntax.InternalSyntax;

/// <summary>A green node with child slots: a Syntax.xml node (slots in field order) or a list (kind List).</summary>
internal sealed class GreenInnerNode : GreenNode
{
    public static readonly GreenInnerNode EmptyList = new(SyntaxKind.List, Array.Empty<GreenNode?>());

    private readonly GreenNode?[] _slots;
    private readonly int _leadingTriviaWidth;
    private readonly int _trailingTriviaWidth;

    public GreenInnerNode(SyntaxKind kind, GreenNode?[] slots)
        : base(kind, SumWidths(slots))
    {
        _slots = slots;

        // Children are complete, so their trivia widths are known: O(1) here, no walk down a deep tree later.
        foreach (var slot in slots)
        {
            if (slot is not null && slot.FullWidth > 0)
            {
                _leadingTriviaWidth = slot.GetLeadingTriviaWidth();
                break;
            }
        }

        for (int i = slots.Length - 1; i >= 0; i--)
        {
            if (slots[i] is { FullWidth: > 0 } slot)
            {
                _trailingTriviaWidth = slot.GetTrailingTriviaWidth();
                break;
            }
        }
    }

    public override int SlotCount => _slots.Length;

    public override GreenNode? GetSlot(int index) => _slots[index];

    public override int GetLeadingTriviaWidth() => _leadingTriviaWidth;

    public override int GetTrailingTriviaWidth() => _trailingTriviaWidth;

    public static GreenInnerNode List(IReadOnlyList<GreenNode> items)
    {
        if (items.Count == 0)
        {
            return EmptyList;
        }

        var slots = new GreenNode?[items.Count];
        for (int i = 0; i < slots.Length; i++)
        {
            slots[i] = items[i];
        }

        return new GreenInnerNode(SyntaxKind.List, slots);
    }

    private static int SumWidths(GreenNode?[] slots)
    {
        int width = 0;
        foreach (var slot in slots)
        {
            width += slot?.FullWidth ?? 0;
        }

        return width;
    }
}
