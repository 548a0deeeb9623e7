using System.Diagnostics.CodeAnalysis;
using BtLang.Driver.LibBpf;

namespace BtLang.Driver.Attach;

/// <summary>
/// The program attached to <c>raw_syscalls:sys_enter</c> (or <c>sys_exit</c>) when syscall tracepoints are routed:
/// it jumps (<c>bpf_tail_call</c>) to the program in slot <c>id</c> of a program array, where <c>id</c> is the
/// syscall number in the raw record (<c>long id</c> at offset 8). A syscall whose slot is empty, a number above
/// the table and a 32-bit (compat) syscall run nothing, as with the kernel's <c>syscalls:*</c> events. The programs in
/// the array see the raw record as their context: its layout is that of the <c>syscalls:*</c> records (number at 8,
/// then the six arguments, or the return value, 8 bytes each from 16).
/// </summary>
public static class SyscallDispatcher
{
    private const int HelperTailCall = 12;
    private const int HelperGetCurrentTaskBtf = 158;

    /// <summary>
    /// The instructions, in this order: r6 = ctx; r7 = the syscall number, out if above <paramref name="maxNumber"/>;
    /// out if the current task's <c>thread_info.status</c> has TS_COMPAT (a direct load from
    /// <c>bpf_get_current_task_btf()</c>, which the verifier checks against the kernel's BTF: one helper call, where
    /// <c>bpf_get_current_task</c> + <c>bpf_probe_read_kernel</c> cost ~35 ns more per run here); tail call (ctx,
    /// array, number); out: return 0 (also when the slot is empty and the tail call falls through).
    /// </summary>
    public static ulong[] Instructions(int programArrayFd, int maxNumber, CompatSyscallCheck compat)
    {
        var code = new List<ulong>();
        var jumpsToOut = new List<int>();

        code.Add(BpfInstruction.Move(6, 1));
        code.Add(BpfInstruction.LoadDoubleWord(7, 6, 8));
        JumpToOut(BpfInstruction.JumpIfGreater(7, maxNumber, 0));

        code.Add(BpfInstruction.Call(HelperGetCurrentTaskBtf));
        code.Add(BpfInstruction.LoadWord(1, 0, (short)compat.StatusOffset));
        code.Add(BpfInstruction.AndImmediate(1, CompatSyscallCheck.TsCompat));
        JumpToOut(BpfInstruction.JumpIfNotEqual(1, 0, 0));

        code.Add(BpfInstruction.Move(1, 6));
        var (first, second) = BpfInstruction.LoadMapFd(2, programArrayFd);
        code.Add(first);
        code.Add(second);
        code.Add(BpfInstruction.Move(3, 7));
        code.Add(BpfInstruction.Call(HelperTailCall));

        int outIndex = code.Count;
        code.Add(BpfInstruction.MoveImmediate(0, 0));
        code.Add(BpfInstruction.Exit());
        foreach (int jump in jumpsToOut)
        {
            code[jump] = BpfInstruction.WithOffset(code[jump], (short)(outIndex - jump - 1));
        }

        return [.. code];

        void JumpToOut(ulong instruction)
        {
            jumpsToOut.Add(code.Count);
            code.Add(instruction);
        }
    }

    /// <summary>Loads the dispatcher (a tracepoint program, like the programs it jumps to). False with a message on failure.</summary>
    public static bool TryLoad(string name, BpfProgramArray array, int maxNumber, CompatSyscallCheck compat,
        [NotNullWhen(true)] out BpfRawProgram? program, [NotNullWhen(false)] out string? error)
    {
        if (BpfRawProgram.TryLoad(BpfProgramType.Tracepoint, name, Instructions(array.Fd, maxNumber, compat), out program, out int errno, out string log))
        {
            error = null;
            return true;
        }

        error = $"loading the dispatcher {name} failed: {LibBpfErrors.Describe(errno)}" + (log.Length > 0 ? $"\n{log.TrimEnd()}" : string.Empty);
        return false;
    }
}
