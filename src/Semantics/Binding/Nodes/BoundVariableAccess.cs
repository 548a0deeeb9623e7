using BtLang.Semantics.Symbols;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal sealed class BoundVariableAccess : BoundExpression
{
    public BoundVariableAccess(SyntaxNode syntax, VariableSymbol variable)
        : base(syntax, variable.Type) => Variable = variable;

    public VariableSymbol Variable { get; }
}
