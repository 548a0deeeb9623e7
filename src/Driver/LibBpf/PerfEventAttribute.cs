using System.Runtime.InteropServices;

namespace BtLang.Driver.LibBpf;

/// <summary>
/// <c>struct perf_event_attr</c> up to <c>PERF_ATTR_SIZE_VER7</c> (128 bytes). The flag bits (disabled, freq,
/// precise_ip, ...) live in the 64-bit word at offset 40.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 128)]
internal struct PerfEventAttribute
{
    internal const ulong FlagDisabled = 1UL << 0;
    internal const ulong FlagFrequency = 1UL << 10;
    internal const int PreciseIpShift = 15;

    [FieldOffset(0)] public uint Type;
    [FieldOffset(4)] public uint Size;
    [FieldOffset(8)] public ulong Config;
    [FieldOffset(16)] public ulong SamplePeriodOrFrequency;
    [FieldOffset(24)] public ulong SampleType;
    [FieldOffset(32)] public ulong ReadFormat;
    [FieldOffset(40)] public ulong Flags;
    [FieldOffset(48)] public uint WakeupEvents;
    [FieldOffset(52)] public uint BreakpointType;
    [FieldOffset(56)] public ulong BreakpointAddress;
    [FieldOffset(64)] public ulong BreakpointLength;
}
