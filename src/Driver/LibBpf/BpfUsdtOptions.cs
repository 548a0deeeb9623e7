using System.Runtime.InteropServices;

namespace BtLang.Driver.LibBpf;

/// <summary><c>struct bpf_usdt_opts</c> of libbpf 1.1 (16 bytes).</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal struct BpfUsdtOptions
{
    [FieldOffset(0)] public nuint Size;
    [FieldOffset(8)] public ulong Cookie;
}
