using BtLang.Emit.Llvm;
using BtLang.Emit.Metadata;
using BtLang.Semantics.Binding;
using BtLang.Semantics.Builtins;
using BtLang.Semantics.Types;

namespace BtLang.Emit.CodeGen;

/// <summary>macaddr(), override() and unwatch() (cgroup_path() is its id, resolved in user space).</summary>
internal sealed partial class ProgramGenerator
{
    private const int MacAddressSize = 6;

    /// <summary><c>macaddr(a)</c>: the first six bytes of an array/string value, or six bytes read from an address.</summary>
    private CgValue EmitMacAddress(BoundCall call)
    {
        var argument = call.Arguments[0];
        var memory = ZeroedTemp(8);
        if (argument.Type is ArrayType or StringType)
        {
            var bytes = EmitExpression(argument);
            CopyMemory(memory, bytes.Value, _c.ConstI64(MacAddressSize), sourceAlignment: 1);
            return CgValue.Memory(memory);
        }

        var address = _b.IntToPtr(EmitScalar(argument));
        bool user = ReadsUserMemory(argument.Type);
        Helper(user ? BpfHelper.ProbeReadUser : BpfHelper.ProbeReadKernel, I64, memory, _c.ConstI32(MacAddressSize), address);
        return CgValue.Memory(memory);
    }

    /// <summary><c>override(rc)</c>: bpf_override_return(ctx, rc), kprobes only (the binder checks).</summary>
    private CgValue EmitOverride(BoundCall call)
    {
        Helper(BpfHelper.OverrideReturn, I64, _program.Context, EmitScalar(call.Arguments[0]));
        return Void();
    }

    /// <summary><c>unwatch(addr)</c>: asks user space to detach the watchpoints on that address.</summary>
    private CgValue EmitUnwatch(BoundCall call)
    {
        var address = EmitScalar(call.Arguments[0]);
        EmitEvent(EventKind.Unwatch, 0, 8, payload => _b.Store(address, payload, 8));
        return Void();
    }
}
