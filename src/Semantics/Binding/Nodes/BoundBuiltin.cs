using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary>A builtin variable. <see cref="Index"/> is N for argN/sargN; for nsecs it names the clock.</summary>
internal sealed class BoundBuiltin : BoundExpression
{
    public BoundBuiltin(SyntaxNode syntax, BuiltinVariable builtin, BtType type, int index = 0)
        : base(syntax, type)
    {
        Builtin = builtin;
        Index = index;
    }

    public BuiltinVariable Builtin { get; }

    public int Index { get; }
}
