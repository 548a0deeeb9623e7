using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal sealed partial class Binder
{
    /// <summary>
    /// <c>&amp;e</c>, as bpftrace 0.26 allows it: the address of a scratch variable, of a map value, of a struct field
    /// (through a pointer, of <c>args</c>, or of an addressable struct value) or of <c>*p</c>. The result is a pointer
    /// to the operand's type; nothing is read.
    /// </summary>
    private BoundExpression BindAddressOf(PrefixUnaryExpressionSyntax prefix, BoundExpression operand)
    {
        if (AddressProblem(operand) is { } problem)
        {
            Report(SemanticDiagnostics.AddressOfInvalid, prefix, problem);
            return new BoundError(prefix);
        }

        var space = AddressSpace(operand);
        return new BoundUnary(prefix, UnaryOperator.AddressOf, operand, new PointerType(operand.Type, space == true, space == false));
    }

    /// <summary>
    /// Where the operand lives, known statically: false for kernel memory (a scratch variable on the BPF stack, a map
    /// value, the probe context), true for user memory, null when it follows the probe (a pointer of unknown origin).
    /// </summary>
    private static bool? AddressSpace(BoundExpression operand) => operand switch
    {
        BoundVariableAccess or BoundMapAccess => false,
        BoundFieldAccess { Operand.Type.Kind: TypeKind.Context } => false,
        BoundUnary { Operator: UnaryOperator.Dereference } dereference => PointerSpace(dereference.Operand.Type),
        BoundFieldAccess { ThroughPointer: true } field => PointerSpace(field.Operand.Type),
        BoundFieldAccess field => AddressSpace(field.Operand),
        _ => null,
    };

    private static bool? PointerSpace(BtType type) => type switch
    {
        PointerType { IsUser: true } => true,
        PointerType { IsKernel: true } => false,
        _ => null,
    };

    /// <summary>Why the operand has no address (the end of "Cannot take the address of ..."), or null when it has one.</summary>
    private static string? AddressProblem(BoundExpression operand) => operand switch
    {
        BoundVariableAccess => null,
        BoundMapAccess { Type.Kind: not TypeKind.Aggregate } => null,
        BoundMapAccess map => $"map {map.MapName}: it holds an aggregation ({map.Type})",
        BoundUnary { Operator: UnaryOperator.Dereference } => null,
        BoundFieldAccess { Member.BitFieldSize: > 0 } field => $"bitfield '{field.Member.Name}'",
        BoundFieldAccess { Member.IsDataLoc: true } field => $"'{field.Member.Name}': a __data_loc string is copied out of the event, not addressed",
        BoundFieldAccess { ThroughPointer: true } => null,
        BoundFieldAccess { Operand.Type.Kind: TypeKind.Context } => null,
        BoundFieldAccess field => AddressProblem(field.Operand),
        _ => "a value that is not a variable, map value or struct field",
    };
}
