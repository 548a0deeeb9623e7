using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary>Stands in for an expression that could not be bound (its diagnostic is already reported).</summary>
internal sealed class BoundError : BoundExpression
{
    public BoundError(SyntaxNode syntax)
        : base(syntax, SimpleType.Error)
    {
    }
}
