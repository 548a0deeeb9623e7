using System.Runtime.InteropServices;

namespace BtLang.Driver.LibBpf;

/// <summary><c>struct bpf_test_run_opts</c> of libbpf 1.1 (80 bytes).</summary>
[StructLayout(LayoutKind.Explicit, Size = 80)]
internal struct BpfTestRunOptions
{
    [FieldOffset(0)] public nuint Size;
    [FieldOffset(8)] public nint DataIn;
    [FieldOffset(16)] public nint DataOut;
    [FieldOffset(24)] public uint DataSizeIn;
    [FieldOffset(28)] public uint DataSizeOut;
    [FieldOffset(32)] public nint ContextIn;
    [FieldOffset(40)] public nint ContextOut;
    [FieldOffset(48)] public uint ContextSizeIn;
    [FieldOffset(52)] public uint ContextSizeOut;
    [FieldOffset(56)] public uint ReturnValue;
    [FieldOffset(60)] public int Repeat;
    [FieldOffset(64)] public uint Duration;
    [FieldOffset(68)] public uint Flags;
    [FieldOffset(72)] public uint Cpu;
    [FieldOffset(76)] public uint BatchSize;
}
