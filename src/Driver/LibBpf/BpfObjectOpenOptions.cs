using System.Runtime.InteropServices;

namespace BtLang.Driver.LibBpf;

/// <summary><c>struct bpf_object_open_opts</c> of libbpf 1.1 (80 bytes; checked against /usr/include/bpf/libbpf.h).</summary>
[StructLayout(LayoutKind.Explicit, Size = 80)]
internal struct BpfObjectOpenOptions
{
    [FieldOffset(0)] public nuint Size;
    [FieldOffset(8)] public nint ObjectName;
    [FieldOffset(16)] public byte RelaxedMaps;
    [FieldOffset(24)] public nint PinRootPath;
    [FieldOffset(40)] public nint KConfig;
    [FieldOffset(48)] public nint BtfCustomPath;
    [FieldOffset(56)] public nint KernelLogBuffer;
    [FieldOffset(64)] public nuint KernelLogSize;
    [FieldOffset(72)] public uint KernelLogLevel;
}
