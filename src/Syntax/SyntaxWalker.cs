namespace BtLang.Syntax;

/// <summary>How deep a <see cref="SyntaxWalker"/> goes.</summary>
public enum SyntaxWalkerDepth
{
    Node = 0,
    Token = 1,
    Trivia = 2,
}

/// <summary>Visits every node below the starting node in document order (and tokens/trivia if asked).</summary>
public abstract class SyntaxWalker : SyntaxVisitor
{
    protected SyntaxWalker(SyntaxWalkerDepth depth = SyntaxWalkerDepth.Node)
    {
        Depth = depth;
    }

    protected SyntaxWalkerDepth Depth { get; }

    /// <summary>
    /// Visits a node. On a tree too deep for the remaining stack (a 20,000-term expression) this throws
    /// <see cref="InsufficientExecutionStackException"/>, which can be caught, instead of overflowing the stack.
    /// </summary>
    public override void Visit(SyntaxNode? node)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        base.Visit(node);
    }

    public override void DefaultVisit(SyntaxNode node)
    {
        foreach (var child in node.ChildNodesAndTokens())
        {
            if (child.AsNode() is { } childNode)
            {
                Visit(childNode);
            }
            else if (Depth >= SyntaxWalkerDepth.Token)
            {
                VisitToken(child.AsToken());
            }
        }
    }

    public virtual void VisitToken(SyntaxToken token)
    {
        if (Depth < SyntaxWalkerDepth.Trivia)
        {
            return;
        }

        foreach (var trivia in token.LeadingTrivia)
        {
            VisitTrivia(trivia);
        }

        foreach (var trivia in token.TrailingTrivia)
        {
            VisitTrivia(trivia);
        }
    }

    public virtual void VisitTrivia(SyntaxTrivia trivia)
    {
    }
}
