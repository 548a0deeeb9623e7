namespace BtLang.Driver.LibBpf;

/// <summary>
/// Asks the kernel what it supports, by loading tiny programs and creating tiny maps (libbpf's
/// <c>libbpf_probe_bpf_*</c> plus a few probes of our own). Each call costs a syscall or two: cache the results
/// (<c>BtLang.Driver.Attach.KernelFeatures</c> does).
/// </summary>
public static unsafe class BpfFeatureProbes
{
    private const ulong Exit = 0x95;

    public static bool ProgramType(BpfProgramType type) =>
        LibBpfNative.libbpf_probe_bpf_prog_type((int)type, null) == 1;

    public static bool MapType(BpfMapType type) =>
        LibBpfNative.libbpf_probe_bpf_map_type((int)type, null) == 1;

    public static bool Helper(BpfProgramType programType, int helperId) =>
        LibBpfNative.libbpf_probe_bpf_helper((int)programType, helperId, null) == 1;

    /// <summary>Bounded loops (kernel 5.3+): the verifier accepts a backward jump.</summary>
    public static bool BoundedLoops()
    {
        ulong* program = stackalloc ulong[4];
        program[0] = Instruction(0xb7, 0, 0, 0, 0);          // r0 = 0
        program[1] = Instruction(0x07, 0, 0, 0, 1);          // r0 += 1
        program[2] = Instruction(0xa5, 0, 0, -2, 4);         // if r0 < 4 goto -2
        program[3] = Instruction(Exit, 0, 0, 0, 0);          // exit
        int fd = LibBpfNative.bpf_prog_load((int)BpfProgramType.SocketFilter, "bt_probe_loop", "GPL", program, 4, null);
        if (fd < 0)
        {
            return false;
        }

        LibcNative.close(fd);
        return true;
    }

    /// <summary>BPF_MAP_LOOKUP_BATCH (kernel 5.6+) on a hash map.</summary>
    public static bool MapBatch()
    {
        int fd = LibBpfNative.bpf_map_create((int)BpfMapType.Hash, "bt_probe_batch", 4, 4, 4, null);
        if (fd < 0)
        {
            return false;
        }

        try
        {
            uint* keys = stackalloc uint[4];
            uint* values = stackalloc uint[4];
            ulong token = 0;
            uint count = 4;
            var options = new BpfMapBatchOptions { Size = (nuint)sizeof(BpfMapBatchOptions) };
            int result = LibBpfNative.bpf_map_lookup_batch(fd, null, &token, keys, values, &count, &options);
            return result == 0 || -result == LibBpfErrors.ENOENT;
        }
        finally
        {
            LibcNative.close(fd);
        }
    }

    /// <summary>The libbpf version, e.g. <c>1.1</c>.</summary>
    public static string LibBpfVersion => $"{LibBpfNative.libbpf_major_version()}.{LibBpfNative.libbpf_minor_version()}";

    private static ulong Instruction(ulong code, int dst, int src, short offset, int immediate) =>
        code | ((ulong)(dst & 0xf) << 8) | ((ulong)(src & 0xf) << 12) | ((ulong)(ushort)offset << 16) | ((ulong)(uint)immediate << 32);
}
