using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal sealed class BoundIf : BoundStatement
{
    public BoundIf(SyntaxNode syntax, BoundExpression condition, BoundBlock then, BoundStatement? @else)
        : base(syntax)
    {
        Condition = condition;
        Then = then;
        Else = @else;
    }

    public BoundExpression Condition { get; }

    public BoundBlock Then { get; }

    public BoundStatement? Else { get; }
}
