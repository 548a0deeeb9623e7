using System.Runtime.InteropServices;

namespace BtLang.Driver.LibBpf;

/// <summary><c>struct bpf_uprobe_opts</c> of libbpf 1.1 (40 bytes, <c>func_name</c> at offset 32).</summary>
[StructLayout(LayoutKind.Explicit, Size = 40)]
internal struct BpfUprobeOptions
{
    [FieldOffset(0)] public nuint Size;
    [FieldOffset(8)] public nuint RefCounterOffset;
    [FieldOffset(16)] public ulong Cookie;
    [FieldOffset(24)] public byte RetProbe;
    [FieldOffset(32)] public nint FunctionName;
}
