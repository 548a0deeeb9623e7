namespace BtLang.Driver.LibBpf;

/// <summary>
/// Encodes eBPF instructions (<c>struct bpf_insn</c>: opcode, dst and src registers, 16-bit offset, 32-bit
/// immediate) for the few programs the driver writes by hand. Registers are r0-r10; r10 is the frame pointer.
/// </summary>
public static class BpfInstruction
{
    /// <summary><c>BPF_PSEUDO_MAP_FD</c>: the src register of a 64-bit immediate load whose immediate is a map fd.</summary>
    private const int PseudoMapFd = 1;

    /// <summary><c>dst = src</c> (64-bit).</summary>
    public static ulong Move(int dst, int src) => Encode(0xbf, dst, src, 0, 0);

    /// <summary><c>dst = imm</c> (64-bit, sign-extended).</summary>
    public static ulong MoveImmediate(int dst, int immediate) => Encode(0xb7, dst, 0, 0, immediate);

    /// <summary><c>dst += imm</c> (64-bit).</summary>
    public static ulong AddImmediate(int dst, int immediate) => Encode(0x07, dst, 0, 0, immediate);

    /// <summary><c>dst &amp;= imm</c> (64-bit).</summary>
    public static ulong AndImmediate(int dst, int immediate) => Encode(0x57, dst, 0, 0, immediate);

    /// <summary><c>dst = *(u32 *)(src + offset)</c>.</summary>
    public static ulong LoadWord(int dst, int src, short offset) => Encode(0x61, dst, src, offset, 0);

    /// <summary><c>dst = *(u64 *)(src + offset)</c>.</summary>
    public static ulong LoadDoubleWord(int dst, int src, short offset) => Encode(0x79, dst, src, offset, 0);

    /// <summary><c>if dst != imm goto +offset</c>.</summary>
    public static ulong JumpIfNotEqual(int dst, int immediate, short offset) => Encode(0x55, dst, 0, offset, immediate);

    /// <summary><c>if dst &gt; imm goto +offset</c> (unsigned, 64-bit).</summary>
    public static ulong JumpIfGreater(int dst, int immediate, short offset) => Encode(0x25, dst, 0, offset, immediate);

    /// <summary>Calls helper <paramref name="helperId"/> (<c>BPF_FUNC_*</c>).</summary>
    public static ulong Call(int helperId) => Encode(0x85, 0, 0, 0, helperId);

    public static ulong Exit() => Encode(0x95, 0, 0, 0, 0);

    /// <summary><c>dst = map</c>: the two instructions of a 64-bit immediate load of a map by its fd.</summary>
    public static (ulong First, ulong Second) LoadMapFd(int dst, int mapFd) =>
        (Encode(0x18, dst, PseudoMapFd, 0, mapFd), 0);

    /// <summary>The same instruction with another 16-bit offset (to patch a jump once its target is known).</summary>
    public static ulong WithOffset(ulong instruction, short offset) =>
        (instruction & ~(0xffffUL << 16)) | ((ulong)(ushort)offset << 16);

    private static ulong Encode(byte code, int dst, int src, short offset, int immediate) =>
        code | ((ulong)(dst & 0xf) << 8) | ((ulong)(src & 0xf) << 12) | ((ulong)(ushort)offset << 16) | ((ulong)(uint)immediate << 32);
}
