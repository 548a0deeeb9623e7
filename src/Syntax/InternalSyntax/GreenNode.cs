using System.Text;

namespace BtLang.Syntax.InternalSyntax;

/// <summary>
/// An immutable green node: kind, full width (text plus trivia) and children. No parent and no position, so a green
/// subtree can be shared between trees. Tokens, trivia, lists and inner nodes all derive from this.
/// </summary>
internal abstract class GreenNode
{
    protected GreenNode(SyntaxKind kind, int fullWidth)
    {
        Kind = kind;
        FullWidth = fullWidth;
    }

    public SyntaxKind Kind { get; }

    /// <summary>Width of the text including all leading and trailing trivia.</summary>
    public int FullWidth { get; }

    public virtual int SlotCount => 0;

    public virtual bool IsToken => false;

    public virtual bool IsTrivia => false;

    public bool IsList => Kind == SyntaxKind.List;

    public virtual GreenNode? GetSlot(int index) => null;

    /// <summary>Width of the leading trivia of the first token that has any width.</summary>
    public virtual int GetLeadingTriviaWidth()
    {
        var first = GetFirstTerminal();
        return first is null ? 0 : first.GetLeadingTriviaWidth();
    }

    /// <summary>Width of the trailing trivia of the last token that has any width.</summary>
    public virtual int GetTrailingTriviaWidth()
    {
        var last = GetLastTerminal();
        return last is null ? 0 : last.GetTrailingTriviaWidth();
    }

    public int Width => FullWidth - GetLeadingTriviaWidth() - GetTrailingTriviaWidth();

    /// <summary>Writes the full text (with trivia). Iterative, so deep trees cannot overflow the stack.</summary>
    public void WriteTo(StringBuilder builder)
    {
        var stack = new Stack<GreenNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is GreenToken token)
            {
                token.WriteTokenTo(builder);
                continue;
            }

            for (int i = node.SlotCount - 1; i >= 0; i--)
            {
                if (node.GetSlot(i) is { } child)
                {
                    stack.Push(child);
                }
            }
        }
    }

    public string ToFullString()
    {
        var builder = new StringBuilder(FullWidth);
        WriteTo(builder);
        return builder.ToString();
    }

    /// <summary>Structural equality: same kinds, same texts, same trivia, same missing flags.</summary>
    public bool IsEquivalentTo(GreenNode? other)
    {
        var left = new Stack<GreenNode?>();
        var right = new Stack<GreenNode?>();
        left.Push(this);
        right.Push(other);
        while (left.Count > 0)
        {
            var a = left.Pop();
            var b = right.Pop();
            if (ReferenceEquals(a, b))
            {
                continue;
            }

            if (a is null || b is null || a.Kind != b.Kind || a.FullWidth != b.FullWidth || a.SlotCount != b.SlotCount)
            {
                return false;
            }

            if (a is GreenToken ta)
            {
                if (!ta.IsEquivalentToToken((GreenToken)b))
                {
                    return false;
                }

                continue;
            }

            for (int i = 0; i < a.SlotCount; i++)
            {
                left.Push(a.GetSlot(i));
                right.Push(b.GetSlot(i));
            }
        }

        return true;
    }

    private GreenToken? GetFirstTerminal()
    {
        GreenNode? node = this;
        while (node is not null && node is not GreenToken)
        {
            GreenNode? next = null;
            for (int i = 0; i < node.SlotCount; i++)
            {
                var child = node.GetSlot(i);
                if (child is not null && child.FullWidth > 0)
                {
                    next = child;
                    break;
                }
            }

            node = next;
        }

        return node as GreenToken;
    }

    private GreenToken? GetLastTerminal()
    {
        GreenNode? node = this;
        while (node is not null && node is not GreenToken)
        {
            GreenNode? next = null;
            for (int i = node.SlotCount - 1; i >= 0; i--)
            {
                var child = node.GetSlot(i);
                if (child is not null && child.FullWidth > 0)
                {
                    next = child;
                    break;
                }
            }

            node = next;
        }

        return node as GreenToken;
    }

    public override string ToString() => ToFullString();
}
