using System.Runtime.InteropServices;

namespace BtLang.Driver.Runtime;

/// <summary>The kernel clocks BPF programs read (<c>bpf_ktime_get_boot_ns</c> is CLOCK_BOOTTIME).</summary>
internal static partial class Clock
{
    private const int ClockBootTime = 7;
    private const int ClockRealtime = 0;
    private const int ClockTai = 11;

    public static long BootTimeNanoseconds()
    {
        if (clock_gettime(ClockBootTime, out var time) != 0)
        {
            return Environment.TickCount64 * 1_000_000;
        }

        return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
    }

    /// <summary>CLOCK_REALTIME minus CLOCK_TAI in ns (tseries intervals are TAI times); 0 if either cannot be read.</summary>
    public static long TaiToRealtimeNanoseconds()
    {
        if (clock_gettime(ClockRealtime, out var realtime) != 0 || clock_gettime(ClockTai, out var tai) != 0)
        {
            return 0;
        }

        long difference = ((realtime.Seconds - tai.Seconds) * 1_000_000_000) + (realtime.Nanoseconds - tai.Nanoseconds);
        // The two readings are a few microseconds apart; the real offset is a whole number of seconds.
        return (long)Math.Round(difference / 1e9) * 1_000_000_000;
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
