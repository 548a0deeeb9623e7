using System.Runtime.InteropServices;

namespace BtLang.Driver.Runtime;

/// <summary>The kernel clocks BPF programs read (<c>bpf_ktime_get_boot_ns</c> is CLOCK_BOOTTIME).</summary>
internal static partial class Clock
{
    private const int ClockBootTime = 7;

    public static long BootTimeNanoseconds()
    {
        if (clock_gettime(ClockBootTime, out var time) != 0)
        {
            return Environment.TickCount64 * 1_000_000;
        }

        return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int clock_gettime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
