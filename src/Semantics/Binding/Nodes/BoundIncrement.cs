using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary><c>x++</c>, <c>++x</c>, <c>x--</c>, <c>--x</c> on a map element or a variable.</summary>
internal sealed class BoundIncrement : BoundExpression
{
    public BoundIncrement(SyntaxNode syntax, BoundExpression target, bool isIncrement, bool isPrefix)
        : base(syntax, target.Type)
    {
        Target = target;
        IsIncrement = isIncrement;
        IsPrefix = isPrefix;
    }

    public BoundExpression Target { get; }

    public bool IsIncrement { get; }

    public bool IsPrefix { get; }
}
