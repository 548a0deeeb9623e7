using System.Buffers.Binary;
using System.Text;

namespace BtLang.Semantics.CImports;

/// <summary>Reads a named section of a little-endian ELF64 object (what clang emits for <c>-target bpf</c>).</summary>
internal static class ElfSections
{
    private const ulong ExecutableFlag = 0x4; // SHF_EXECINSTR

    public static byte[]? Read(byte[] elf, string name) =>
        Sections(elf).FirstOrDefault(s => s.Name == name) is { Name: not null } section ? elf.AsSpan((int)section.Offset, (int)section.Size).ToArray() : null;

    /// <summary>The names of the sections holding code (<c>.text</c> and BPF program sections such as <c>kprobe/x</c>).</summary>
    public static IEnumerable<string> ExecutableSectionNames(byte[] elf) =>
        Sections(elf).Where(s => (s.Flags & ExecutableFlag) != 0 && s.Size > 0).Select(s => s.Name);

    private static List<(string Name, long Offset, long Size, ulong Flags)> Sections(byte[] elf)
    {
        var result = new List<(string Name, long Offset, long Size, ulong Flags)>();
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F' || elf[4] != 2 || elf[5] != 1)
        {
            return result;
        }

        long headerOffset = (long)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(0x28));
        int headerSize = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3a));
        int count = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3c));
        int namesIndex = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3e));
        if (headerSize < 64 || namesIndex >= count || headerOffset + (long)count * headerSize > elf.Length)
        {
            return result;
        }

        (long Offset, long Size, uint NameOffset, ulong Flags) Header(int index)
        {
            var span = elf.AsSpan((int)(headerOffset + (long)index * headerSize), headerSize);
            return ((long)BinaryPrimitives.ReadUInt64LittleEndian(span[0x18..]), (long)BinaryPrimitives.ReadUInt64LittleEndian(span[0x20..]),
                BinaryPrimitives.ReadUInt32LittleEndian(span), BinaryPrimitives.ReadUInt64LittleEndian(span[0x08..]));
        }

        var names = Header(namesIndex);
        for (int i = 0; i < count; i++)
        {
            var section = Header(i);
            long nameStart = names.Offset + section.NameOffset;
            if (nameStart >= elf.Length || section.Offset + section.Size > elf.Length)
            {
                continue;
            }

            int nameEnd = Array.IndexOf(elf, (byte)0, (int)nameStart);
            if (nameEnd >= 0)
            {
                result.Add((Encoding.ASCII.GetString(elf, (int)nameStart, nameEnd - (int)nameStart), section.Offset, section.Size, section.Flags));
            }
        }

        return result;
    }
}
