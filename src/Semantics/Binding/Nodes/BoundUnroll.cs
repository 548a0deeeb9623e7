using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal sealed class BoundUnroll : BoundStatement
{
    public BoundUnroll(SyntaxNode syntax, int count, BoundBlock body)
        : base(syntax)
    {
        Count = count;
        Body = body;
    }

    public int Count { get; }

    public BoundBlock Body { get; }
}
