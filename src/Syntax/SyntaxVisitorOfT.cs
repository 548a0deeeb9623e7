namespace BtLang.Syntax;

/// <summary>
/// Visits nodes by their class and returns a result. Every <c>VisitXxx</c> method (one per Syntax.xml node,
/// generated) calls <see cref="DefaultVisit"/> unless overridden.
/// </summary>
public abstract partial class SyntaxVisitor<TResult>
{
    public virtual TResult Visit(SyntaxNode? node) => node is null ? default! : node.Accept(this);

    public virtual TResult DefaultVisit(SyntaxNode node) => default!;
}
