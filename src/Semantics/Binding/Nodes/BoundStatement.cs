using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal abstract class BoundStatement : BoundNode
{
    protected BoundStatement(SyntaxNode syntax)
        : base(syntax)
    {
    }
}
