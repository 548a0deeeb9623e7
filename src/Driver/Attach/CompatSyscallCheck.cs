using BtLang.Semantics.ProbeCatalog.Btf;

namespace BtLang.Driver.Attach;

/// <summary>
/// Where the kernel keeps the flag that says the current syscall is a 32-bit (compat) one, so that a program on the
/// raw_syscalls tracepoints can skip those as the kernel's <c>syscalls:*</c> events do (x86's
/// <c>trace_get_syscall_nr</c> returns -1 when <c>in_ia32_syscall()</c>, i.e. <c>current_thread_info()->status &amp;
/// TS_COMPAT</c>). The offset of <c>task_struct.thread_info.status</c> comes from the kernel's BTF.
/// </summary>
public sealed record CompatSyscallCheck(int StatusOffset)
{
    /// <summary><c>TS_COMPAT</c> of arch/x86/include/asm/thread_info.h: a 32-bit syscall is active.</summary>
    public const int TsCompat = 0x0002;

    private static readonly Lazy<(CompatSyscallCheck? Check, string? Error)> Current = new(() => FromBtf("/sys/kernel/btf/vmlinux"));

    /// <summary>The running kernel's layout, or null (and <paramref name="error"/>) when its BTF does not tell it.</summary>
    public static CompatSyscallCheck? ForRunningKernel(out string? error)
    {
        (var check, error) = Current.Value;
        return check;
    }

    /// <summary>Reads the layout from a BTF file: <c>task_struct.thread_info</c> (a struct, first on x86) and its <c>status</c>.</summary>
    public static (CompatSyscallCheck? Check, string? Error) FromBtf(string path)
    {
        if (!BtfTypeTable.TryLoad(path, null, out var table, out string error))
        {
            return (null, error);
        }

        // A scan of the struct names rather than FindStruct: FindStruct builds the index of every name in the kernel's
        // BTF first, which took most of the ~75 ms this lookup cost with it.
        var task = table.EnumerateNames(BtfKind.Struct)
            .Where(s => s.Name == "task_struct")
            .Select(s => table.GetType(s.Id))
            .FirstOrDefault(t => !t.Members.IsEmpty);
        if (task is null || table.FindMember(task, "thread_info") is not { } threadInfoMember)
        {
            return (null, "the kernel's BTF has no task_struct.thread_info");
        }

        var threadInfo = table.Resolve(threadInfoMember.TypeId);
        if (!threadInfo.IsComposite || table.FindMember(threadInfo, "status") is not { IsBitfield: false } status
            || table.GetSize(status.TypeId) != 4)
        {
            return (null, "the kernel's BTF has no 4-byte thread_info.status");
        }

        return (new CompatSyscallCheck((int)(threadInfoMember.ByteOffset + status.ByteOffset)), null);
    }
}
