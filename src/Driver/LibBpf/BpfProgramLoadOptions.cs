using System.Runtime.InteropServices;

namespace BtLang.Driver.LibBpf;

/// <summary>
/// <c>struct bpf_prog_load_opts</c> of libbpf 1.1 (bpf.h), up to <c>log_buf</c> (104 bytes); only the fields
/// <see cref="BpfRawProgram"/> sets are named.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 104)]
internal struct BpfProgramLoadOptions
{
    [FieldOffset(0)]
    public nuint Size;

    [FieldOffset(88)]
    public uint LogLevel;

    [FieldOffset(92)]
    public uint LogSize;

    [FieldOffset(96)]
    public nint LogBuffer;
}
