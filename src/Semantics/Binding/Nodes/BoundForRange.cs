using BtLang.Semantics.Symbols;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary><c>for ($i : start..end) { }</c> (end exclusive).</summary>
internal sealed class BoundForRange : BoundStatement
{
    public BoundForRange(SyntaxNode syntax, VariableSymbol variable, BoundExpression start, BoundExpression end, BoundBlock body)
        : base(syntax)
    {
        Variable = variable;
        Start = start;
        End = end;
        Body = body;
    }

    public VariableSymbol Variable { get; }

    public BoundExpression Start { get; }

    public BoundExpression End { get; }

    public BoundBlock Body { get; }
}
