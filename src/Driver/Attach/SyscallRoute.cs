using BtLang.Driver.LibBpf;

namespace BtLang.Driver.Attach;

/// <summary>
/// One <c>syscalls:sys_enter_NAME</c> or <c>sys_exit_NAME</c> attach point served through the raw_syscalls
/// dispatcher: <paramref name="Program"/> goes into slot <paramref name="Number"/> of the enter or exit program array.
/// </summary>
/// <param name="Program">The user's program for this tracepoint.</param>
/// <param name="IsExit">sys_exit_NAME (routed through raw_syscalls:sys_exit) rather than sys_enter_NAME.</param>
/// <param name="Number">The syscall number (<see cref="SyscallTable"/>).</param>
/// <param name="Event">The tracefs event name, e.g. <c>sys_enter_newstat</c>.</param>
public sealed record SyscallRoute(BpfProgram Program, bool IsExit, int Number, string Event);
