using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary><c>@m[k] = value</c> (compound assignments are lowered to a plain one by the binder).</summary>
internal sealed class BoundMapAssignment : BoundStatement
{
    public BoundMapAssignment(SyntaxNode syntax, BoundMapAccess target, BoundExpression value)
        : base(syntax)
    {
        Target = target;
        Value = value;
    }

    public BoundMapAccess Target { get; }

    public BoundExpression Value { get; }
}
