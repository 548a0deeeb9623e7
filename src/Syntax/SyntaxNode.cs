using BtLang.Diagnostics;
using BtLang.Syntax.InternalSyntax;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.Syntax;

/// <summary>
/// A red syntax node: a view of an immutable green node with a parent and an absolute position. Children are made
/// lazily and cached. Node classes for every construct are generated from grammar/Syntax.xml.
/// </summary>
public abstract class SyntaxNode
{
    private SyntaxTree? _syntaxTree;
    private SyntaxNode?[]? _children;

    internal SyntaxNode(GreenNode green, SyntaxNode? parent, int position)
    {
        Green = green;
        Parent = parent;
        Position = position;
        _syntaxTree = parent?._syntaxTree;
    }

    internal GreenNode Green { get; }

    internal int Position { get; }

    /// <summary>The node that owns this one (lists are skipped: an element's parent is the list's owner).</summary>
    public SyntaxNode? Parent { get; }

    public SyntaxKind Kind => Green.Kind;

    /// <summary>The span with trivia.</summary>
    public TextSpan FullSpan => new(Position, Green.FullWidth);

    /// <summary>The span without the leading trivia of the first token and the trailing trivia of the last.</summary>
    public TextSpan Span
    {
        get
        {
            int leading = Green.GetLeadingTriviaWidth();
            int trailing = Green.GetTrailingTriviaWidth();
            int width = Math.Max(0, Green.FullWidth - leading - trailing);
            return new TextSpan(Position + leading, width);
        }
    }

    /// <summary>The tree this node belongs to (null for nodes made by a rewriter or <c>Update</c>).</summary>
    public SyntaxTree? SyntaxTree => _syntaxTree;

    /// <summary>True if the node or one of its tokens is missing (the parser invented it).</summary>
    public bool ContainsMissing => DescendantTokens().Any(t => t.IsMissing);

    /// <summary>The red node to use as the parent of this node's children (lists hand out their owner).</summary>
    internal virtual SyntaxNode ParentForChildren => this;

    public abstract void Accept(SyntaxVisitor visitor);

    /// <summary>
    /// Nodes are equal only to themselves; the hash comes from the node's fixed kind, position and width instead of
    /// the object header, which is slower for the many nodes a binder keys dictionaries with.
    /// </summary>
    public sealed override int GetHashCode() => HashCode.Combine(Position, Green.FullWidth, (int)Green.Kind);

    /// <summary>Reference equality (the default), stated next to <see cref="GetHashCode"/>.</summary>
    public sealed override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public abstract TResult Accept<TResult>(SyntaxVisitor<TResult> visitor);

    public Location GetLocation() => SyntaxTree is { } tree ? tree.GetLocation(Span) : new Location(null, string.Empty, Span);

    /// <summary>The exact text of the node including its leading and trailing trivia.</summary>
    public string ToFullString() => Green.ToFullString();

    /// <summary>The text of the node without its outer leading and trailing trivia.</summary>
    public override string ToString()
    {
        string full = ToFullString();
        int leading = Green.GetLeadingTriviaWidth();
        int trailing = Green.GetTrailingTriviaWidth();
        int length = Math.Max(0, full.Length - leading - trailing);
        return full.Substring(Math.Min(leading, full.Length), length);
    }

    /// <summary>Direct children in order: nodes and tokens (list elements are flattened into their owner).</summary>
    public IEnumerable<SyntaxNodeOrToken> ChildNodesAndTokens()
    {
        int position = Position;
        for (int i = 0; i < Green.SlotCount; i++)
        {
            var slot = Green.GetSlot(i);
            if (slot is null)
            {
                continue;
            }

            if (slot is GreenToken token)
            {
                yield return new SyntaxNodeOrToken(new SyntaxToken(ParentForChildren, token, position));
            }
            else if (slot.IsList && Kind != SyntaxKind.List)
            {
                foreach (var item in GetRed(i)!.ChildNodesAndTokens())
                {
                    yield return item;
                }
            }
            else
            {
                yield return new SyntaxNodeOrToken(GetRed(i)!);
            }

            position += slot.FullWidth;
        }
    }

    public IEnumerable<SyntaxNode> ChildNodes() =>
        ChildNodesAndTokens().Where(c => c.IsNode).Select(c => c.AsNode()!);

    /// <summary>All descendant nodes in document order (not this node). Iterative.</summary>
    public IEnumerable<SyntaxNode> DescendantNodes(Func<SyntaxNode, bool>? descendIntoChildren = null) =>
        DescendantNodesAndTokens(descendIntoChildren).Where(c => c.IsNode).Select(c => c.AsNode()!);

    public IEnumerable<SyntaxNode> DescendantNodesAndSelf(Func<SyntaxNode, bool>? descendIntoChildren = null) =>
        new[] { this }.Concat(DescendantNodes(descendIntoChildren));

    /// <summary>All descendant tokens in document order, including zero-width missing tokens. Iterative.</summary>
    public IEnumerable<SyntaxToken> DescendantTokens() =>
        DescendantNodesAndTokens().Where(c => c.IsToken).Select(c => c.AsToken());

    /// <summary>
    /// All descendant nodes and tokens in document order (not this node), descending into a node only when
    /// <paramref name="descendIntoChildren"/> allows it. Iterative, with one frame per level rather than one
    /// enumerator per node, since the binder and every editor feature walk whole trees with it.
    /// </summary>
    public IEnumerable<SyntaxNodeOrToken> DescendantNodesAndTokens(Func<SyntaxNode, bool>? descendIntoChildren = null)
    {
        var stack = new WalkFrame[16];
        int depth = 0;
        stack[0] = new WalkFrame(this, 0, Position);
        while (depth >= 0)
        {
            ref var frame = ref stack[depth];
            var owner = frame.Node;
            var green = owner.Green;
            if (frame.Slot >= green.SlotCount)
            {
                depth--;
                continue;
            }

            int slotIndex = frame.Slot++;
            int position = frame.Position;
            var slot = green.GetSlot(slotIndex);
            if (slot is null)
            {
                continue;
            }

            frame.Position += slot.FullWidth;
            if (slot is GreenToken token)
            {
                yield return new SyntaxNodeOrToken(new SyntaxToken(owner.ParentForChildren, token, position));
                continue;
            }

            var red = owner.GetRed(slotIndex)!;
            if (slot.IsList && owner.Kind != SyntaxKind.List)
            {
                // A list's elements are children of the list's owner: walk them without yielding the list.
                Push(ref stack, ref depth, red);
                continue;
            }

            yield return new SyntaxNodeOrToken(red);
            if (descendIntoChildren is null || descendIntoChildren(red))
            {
                Push(ref stack, ref depth, red);
            }
        }

        static void Push(ref WalkFrame[] stack, ref int depth, SyntaxNode node)
        {
            if (++depth == stack.Length)
            {
                Array.Resize(ref stack, stack.Length * 2);
            }

            stack[depth] = new WalkFrame(node, 0, node.Position);
        }
    }

    public IEnumerable<SyntaxNode> Ancestors()
    {
        for (var node = Parent; node is not null; node = node.Parent)
        {
            yield return node;
        }
    }

    public IEnumerable<SyntaxNode> AncestorsAndSelf() => new[] { this }.Concat(Ancestors());

    public SyntaxToken GetFirstToken() => DescendantTokens().FirstOrDefault(t => !t.IsMissing);

    public SyntaxToken GetLastToken() => DescendantTokens().LastOrDefault();

    /// <summary>
    /// The token whose full span (with trivia) contains <paramref name="position"/>; at the end of the text, the
    /// end-of-file token. Zero-width missing tokens are never returned.
    /// </summary>
    public SyntaxToken FindToken(int position)
    {
        if (position < FullSpan.Start || position > FullSpan.End)
        {
            throw new ArgumentOutOfRangeException(nameof(position));
        }

        if (position == FullSpan.End && this is CompilationUnitSyntax compilationUnit)
        {
            return compilationUnit.EndOfFileToken;
        }

        SyntaxNode node = this;
        while (true)
        {
            SyntaxNodeOrToken? found = null;
            SyntaxNodeOrToken? lastNonEmpty = null;
            foreach (var child in node.ChildNodesAndTokens())
            {
                var span = child.FullSpan;
                if (span.Length == 0)
                {
                    continue;
                }

                lastNonEmpty = child;
                if (position >= span.Start && position < span.End)
                {
                    found = child;
                    break;
                }
            }

            found ??= position == node.FullSpan.End ? lastNonEmpty : null;
            if (found is null)
            {
                return default;
            }

            if (found.Value.IsToken)
            {
                return found.Value.AsToken();
            }

            node = found.Value.AsNode()!;
        }
    }

    /// <summary>The innermost node whose span contains <paramref name="span"/>.</summary>
    public SyntaxNode FindNode(TextSpan span)
    {
        SyntaxNode node = this;
        while (true)
        {
            SyntaxNode? next = null;
            foreach (var child in node.ChildNodes())
            {
                if (child.FullSpan.Contains(span) && child.FullSpan.Length > 0)
                {
                    next = child;
                    break;
                }
            }

            if (next is null)
            {
                return node;
            }

            node = next;
        }
    }

    /// <summary>Structural equality with another node: same kinds, texts, trivia and missing tokens.</summary>
    public bool IsEquivalentTo(SyntaxNode? other) => other is not null && Green.IsEquivalentTo(other.Green);

    /// <summary>Makes this parentless node the root of <paramref name="tree"/> (done once, by the tree).</summary>
    internal void AttachToTree(SyntaxTree tree) => _syntaxTree = tree;

    internal int GetChildPosition(int slot)
    {
        int position = Position;
        for (int i = 0; i < slot; i++)
        {
            position += Green.GetSlot(i)?.FullWidth ?? 0;
        }

        return position;
    }

    internal SyntaxToken GetTokenAt(int slot) =>
        Green.GetSlot(slot) is GreenToken token ? new SyntaxToken(ParentForChildren, token, GetChildPosition(slot)) : default;

    internal SyntaxNode? GetRed(int slot)
    {
        var green = Green.GetSlot(slot);
        if (green is null || green.IsToken)
        {
            return null;
        }

        var children = _children;
        if (children is null)
        {
            Interlocked.CompareExchange(ref _children, new SyntaxNode?[Green.SlotCount], null);
            children = _children;
        }

        var existing = Volatile.Read(ref children[slot]);
        if (existing is not null)
        {
            return existing;
        }

        // A list's parent is this node itself, so that the list can hand this node to its elements.
        var red = SyntaxNodeFactory.CreateRed(green, green.IsList ? this : ParentForChildren, GetChildPosition(slot));

        return Interlocked.CompareExchange(ref children[slot], red, null) ?? red;
    }

    /// <summary>One level of <see cref="DescendantNodesAndTokens"/>: a node, its next slot and that slot's position.</summary>
    private struct WalkFrame
    {
        public WalkFrame(SyntaxNode node, int slot, int position)
        {
            Node = node;
            Slot = slot;
            Position = position;
        }

        public SyntaxNode Node;
        public int Slot;
        public int Position;
    }
}
