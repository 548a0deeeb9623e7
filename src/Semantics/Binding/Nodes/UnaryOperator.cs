namespace BtLang.Semantics.Binding;

internal enum UnaryOperator
{
    Negate,
    Plus,
    LogicalNot,
    BitwiseNot,
    Dereference,
    AddressOf,
}
