namespace BtLang.Syntax;

/// <summary>
/// Visits nodes by their class. Every <c>VisitXxx</c> method (one per Syntax.xml node, generated) calls
/// <see cref="DefaultVisit"/> unless overridden.
/// </summary>
public abstract partial class SyntaxVisitor
{
    public virtual void Visit(SyntaxNode? node) => node?.Accept(this);

    public virtual void DefaultVisit(SyntaxNode node)
    {
    }
}
