namespace BtLang.Syntax;

/// <summary>
/// Rebuilds a tree bottom-up: override <c>VisitXxx</c> (generated for every Syntax.xml node) or
/// <see cref="VisitToken"/> to replace parts. Unchanged subtrees are shared; the result has no parent and no tree.
/// </summary>
public abstract partial class SyntaxRewriter : SyntaxVisitor<SyntaxNode?>
{
    /// <summary>Visits a node; throws <see cref="InsufficientExecutionStackException"/> rather than overflowing the stack.</summary>
    public override SyntaxNode? Visit(SyntaxNode? node)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        return base.Visit(node);
    }

    public virtual SyntaxToken VisitToken(SyntaxToken token) => token;

    public override SyntaxNode? DefaultVisit(SyntaxNode node) => node;

    public virtual SyntaxList<TNode> VisitList<TNode>(SyntaxList<TNode> list)
        where TNode : SyntaxNode
    {
        var items = new List<TNode>(list.Count);
        bool changed = false;
        foreach (var item in list)
        {
            var visited = Visit(item);
            changed |= !ReferenceEquals(visited, item);
            if (visited is not null)
            {
                items.Add((TNode)visited);
            }
        }

        return changed ? SyntaxList<TNode>.Create(items) : list;
    }

    public virtual SeparatedSyntaxList<TNode> VisitList<TNode>(SeparatedSyntaxList<TNode> list)
        where TNode : SyntaxNode
    {
        var items = new List<SyntaxNodeOrToken>();
        bool changed = false;
        foreach (var item in list.GetWithSeparators())
        {
            if (item.AsNode() is { } node)
            {
                var visited = Visit(node);
                changed |= !ReferenceEquals(visited, node);
                if (visited is not null)
                {
                    items.Add(visited);
                }
            }
            else
            {
                var token = VisitToken(item.AsToken());
                changed |= token != item.AsToken();
                items.Add(token);
            }
        }

        return changed ? SeparatedSyntaxList<TNode>.Create(items) : list;
    }

    public virtual SyntaxTokenList VisitList(SyntaxTokenList list)
    {
        var items = new List<SyntaxToken>(list.Count);
        bool changed = false;
        foreach (var token in list)
        {
            var visited = VisitToken(token);
            changed |= visited != token;
            items.Add(visited);
        }

        return changed ? SyntaxTokenList.Create(items) : list;
    }

    /// <summary>Visits a node that its parent requires; a rewriter must not delete it.</summary>
    protected TNode VisitRequired<TNode>(TNode node)
        where TNode : SyntaxNode =>
        Visit(node) as TNode ?? throw new InvalidOperationException($"A rewriter removed a required {node.Kind} node.");
}
