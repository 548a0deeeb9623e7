using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal abstract class BoundExpression : BoundNode
{
    protected BoundExpression(SyntaxNode syntax, BtType type)
        : base(syntax) => Type = type;

    public BtType Type { get; }

    /// <summary>A compile-time integer value, when the expression has one.</summary>
    public virtual long? ConstantValue => null;
}
