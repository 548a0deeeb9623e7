namespace BtLang.Syntax.InternalSyntax;

/// <summary>A green node with child slots: a Syntax.xml node (slots in field order) or a list (kind List).</summary>
internal sealed class GreenInnerNode : GreenNode
{
    public static readonly GreenInnerNode EmptyList = new(SyntaxKind.List, Array.Empty<GreenNode?>());

    private readonly GreenNode?[] _slots;
    private int _leadingTriviaWidth = -1;
    private int _trailingTriviaWidth = -1;

    public GreenInnerNode(SyntaxKind kind, GreenNode?[] slots)
        : base(kind, SumWidths(slots))
    {
        _slots = slots;
    }

    public override int SlotCount => _slots.Length;

    public override GreenNode? GetSlot(int index) => _slots[index];

    public override int GetLeadingTriviaWidth()
    {
        if (_leadingTriviaWidth < 0)
        {
            _leadingTriviaWidth = base.GetLeadingTriviaWidth();
        }

        return _leadingTriviaWidth;
    }

    public override int GetTrailingTriviaWidth()
    {
        if (_trailingTriviaWidth < 0)
        {
            _trailingTriviaWidth = base.GetTrailingTriviaWidth();
        }

        return _trailingTriviaWidth;
    }

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
