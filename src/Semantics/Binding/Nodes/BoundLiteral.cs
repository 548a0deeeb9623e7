using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary>An integer (<see cref="IntegerValue"/>), bool or string (<see cref="StringValue"/>) literal.</summary>
internal sealed class BoundLiteral : BoundExpression
{
    public BoundLiteral(SyntaxNode syntax, BtType type, ulong integerValue, string? stringValue = null)
        : base(syntax, type)
    {
        IntegerValue = integerValue;
        StringValue = stringValue;
    }

    public ulong IntegerValue { get; }

    public string? StringValue { get; }

    public override long? ConstantValue => StringValue is null ? (long)IntegerValue : null;
}
