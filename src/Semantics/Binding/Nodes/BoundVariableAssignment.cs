using BtLang.Semantics.Symbols;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal sealed class BoundVariableAssignment : BoundStatement
{
    public BoundVariableAssignment(SyntaxNode syntax, VariableSymbol variable, BoundExpression value)
        : base(syntax)
    {
        Variable = variable;
        Value = value;
    }

    public VariableSymbol Variable { get; }

    public BoundExpression Value { get; }
}
