using System.Runtime.InteropServices;

namespace BtLang.Driver.LibBpf;

/// <summary>
/// P/Invoke declarations for the few libc calls the driver needs: <c>vsnprintf</c> (libbpf's print callback),
/// <c>syscall(perf_event_open)</c>, <c>ioctl</c> on perf event fds, <c>close</c> and <c>mount</c> (tracefs).
/// All of them report failure as -1 with errno (<c>SetLastError = true</c>).
/// </summary>
internal static unsafe partial class LibcNative
{
    private const string Library = "libc.so.6";

    internal const uint PerfEventIocEnable = 0x2400;
    internal const uint PerfEventIocDisable = 0x2401;

    [LibraryImport(Library, EntryPoint = "vsnprintf")]
    internal static partial int vsnprintf(byte* buffer, nuint size, nint format, nint vaList);

    // glibc's syscall() is an assembly shim that moves its register arguments into place, so declaring it with a
    // fixed signature is safe for integer and pointer arguments.
    [LibraryImport(Library, EntryPoint = "syscall", SetLastError = true)]
    internal static partial long syscall_perf_event_open(long number, PerfEventAttribute* attr, int pid, int cpu, int groupFd, ulong flags);

    [LibraryImport(Library, EntryPoint = "ioctl", SetLastError = true)]
    internal static partial int ioctl(int fd, nuint request, nint argument);

    internal const int FcntlDupFdCloexec = 1030;

    // fcntl is variadic; one int argument passed in a register is read correctly by glibc on x86-64 and arm64.
    [LibraryImport(Library, EntryPoint = "fcntl", SetLastError = true)]
    internal static partial int fcntl(int fd, int command, int argument);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    internal static partial int close(int fd);

    internal const int RtldNow = 2;

    /// <summary>dlopen: a handle, or 0 with the reason in <see cref="dlerror"/>.</summary>
    [LibraryImport(Library, EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint dlopen(string file, int flags);

    /// <summary>dlerror: the last dl* failure as a C string (owned by libc), or 0.</summary>
    [LibraryImport(Library, EntryPoint = "dlerror")]
    internal static partial nint dlerror();

    [LibraryImport(Library, EntryPoint = "mount", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mount(string source, string target, string fileSystemType, ulong flags, nint data);

    /// <summary>The perf_event_open syscall number for the running architecture.</summary>
    internal static long PerfEventOpenSyscall => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 298,
        Architecture.Arm64 => 241,
        _ => throw new PlatformNotSupportedException("perf_event_open: unsupported architecture " + RuntimeInformation.ProcessArchitecture),
    };
}
