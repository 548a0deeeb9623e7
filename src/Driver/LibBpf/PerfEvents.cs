using System.Runtime.InteropServices;

namespace BtLang.Driver.LibBpf;

/// <summary>Our own <c>perf_event_open</c> syscall wrapper (libbpf expects the caller to open perf events).</summary>
internal static unsafe class PerfEvents
{
    private const ulong PerfFlagFdCloexec = 1UL << 3;

    /// <summary>Opens a perf event (enabled at once); null with a positive errno on failure.</summary>
    internal static FileDescriptorHandle? Open(PerfEventAttributes attributes, int pid, int cpu, out int errno)
    {
        var attr = new PerfEventAttribute
        {
            Type = attributes.Type,
            Size = (uint)sizeof(PerfEventAttribute),
            Config = attributes.Config,
            SamplePeriodOrFrequency = attributes.UseFrequency ? attributes.SampleFrequency : attributes.SamplePeriod,
            BreakpointType = attributes.BreakpointType,
            BreakpointAddress = attributes.BreakpointAddress,
            BreakpointLength = attributes.BreakpointLength,
        };
        if (attributes.UseFrequency)
        {
            attr.Flags |= PerfEventAttribute.FlagFrequency;
        }

        attr.Flags |= (ulong)(attributes.PreciseIp & 3) << PerfEventAttribute.PreciseIpShift;

        nint path = 0;
        long fd;
        try
        {
            if (attributes.ProbePath is { } probePath)
            {
                // config1/config2 share the breakpoint fields' offsets; the kernel copies the path during the call.
                path = Marshal.StringToCoTaskMemUTF8(probePath);
                attr.BreakpointAddress = (ulong)path;
                attr.BreakpointLength = attributes.ProbeOffset;
            }

            fd = LibcNative.syscall_perf_event_open(LibcNative.PerfEventOpenSyscall, &attr, pid, cpu, -1, PerfFlagFdCloexec);
            if (fd < 0)
            {
                errno = Marshal.GetLastPInvokeError();
                return null;
            }
        }
        finally
        {
            Marshal.FreeCoTaskMem(path);
        }

        errno = 0;
        return new FileDescriptorHandle((int)fd);
    }

    /// <summary>A close-on-exec duplicate of <paramref name="fd"/>; null with a positive errno on failure.</summary>
    internal static FileDescriptorHandle? Duplicate(int fd, out int errno)
    {
        int copy = LibcNative.fcntl(fd, LibcNative.FcntlDupFdCloexec, 0);
        if (copy < 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return null;
        }

        errno = 0;
        return new FileDescriptorHandle(copy);
    }
}
