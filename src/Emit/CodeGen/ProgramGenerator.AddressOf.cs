using BtLang.Emit.Llvm;
using BtLang.Semantics.Builtins;
using BtLang.Semantics.Binding;
using BtLang.Semantics.Types;

namespace BtLang.Emit.CodeGen;

/// <summary><c>&amp;e</c>: addresses of scratch variables, map values and struct fields, as 64-bit integers.</summary>
internal sealed partial class ProgramGenerator
{
    /// <summary>The address of an operand the binder accepted (see Binder.AddressOf): nothing is read through it.</summary>
    private LlvmValue EmitAddressOf(BoundExpression operand)
    {
        switch (operand)
        {
            case BoundVariableAccess variable:
                // Scalars live in an 8-byte stack slot (little-endian, so a narrower pointee reads its low bytes);
                // other values at a fixed place in the scratch area.
                return _b.PtrToInt(VariableSlot(variable.Variable), I64);
            case BoundMapAccess map:
            {
                var layout = _gen.Maps[map.MapName];
                var key = BuildKey(layout, map.Key, null);
                return _b.PtrToInt(MapLookup(layout.Global, key), I64); // 0 when the key is absent
            }

            case BoundUnary { Operator: UnaryOperator.Dereference } dereference:
                return EmitScalar(dereference.Operand);
            case BoundFieldAccess field when field.ThroughPointer:
                return _b.Add(EmitScalar(field.Operand), _c.ConstI64(field.Member.Offset));
            case BoundFieldAccess field when field.Operand.Type.Kind == TypeKind.Context:
                return _b.PtrToInt(_b.ByteOffset(_program.Context, field.Member.Offset), I64);
            case BoundFieldAccess field:
                return _b.Add(EmitAddressOf(field.Operand), _c.ConstI64(field.Member.Offset));
            default:
                NotSupported(operand.Syntax, "the address of this expression");
                return _c.ConstI64(0);
        }
    }

    /// <summary>
    /// True when a read through a value of <paramref name="pointerType"/> must use the user-memory helpers: user
    /// pointers always, pointers known to be kernel ones (from <c>&amp;</c> or <c>kptr()</c>) never, other pointers
    /// when the probe is a uprobe/usdt.
    /// </summary>
    private bool ReadsUserMemory(BtType pointerType) => pointerType switch
    {
        PointerType { IsUser: true } => true,
        PointerType { IsKernel: true } => false,
        _ => ProviderFacts.IsUserProbe(_probe.Provider),
    };

    /// <summary>
    /// The helper that reads through a value of <paramref name="pointerType"/> (deref, <c>-&gt;</c>, <c>[]</c>): the
    /// user one for user pointers, the kernel one for pointers known to be kernel ones, and otherwise the
    /// address-checking <c>bpf_probe_read</c> (as str() and buf() use), which reads user memory below the user/kernel
    /// split and kernel memory above it: a pointer of unknown space may be either, <c>curtask-&gt;parent-&gt;pid</c>
    /// in a uprobe as much as <c>*(uint64 *)args.argv</c> in a syscall tracepoint.
    /// </summary>
    private static BpfHelper ReadHelper(BtType pointerType) => pointerType switch
    {
        PointerType { IsUser: true } => BpfHelper.ProbeReadUser,
        PointerType { IsKernel: true } => BpfHelper.ProbeReadKernel,
        _ => BpfHelper.ProbeRead,
    };
}
