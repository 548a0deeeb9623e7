using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary>A node of the bound tree: the meaning of a piece of syntax, with types and symbols resolved.</summary>
internal abstract class BoundNode
{
    protected BoundNode(SyntaxNode syntax) => Syntax = syntax;

    public SyntaxNode Syntax { get; }
}
