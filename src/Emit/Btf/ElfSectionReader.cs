using System.Buffers.Binary;
using System.Text;

namespace BtLang.Emit.Btf;

/// <summary>
/// Reads section contents from a 64-bit little-endian ELF object (what the BPF backend writes) by walking the
/// section header table; enough to read the metadata section back from a compiled <c>.o</c>.
/// </summary>
internal static class ElfSectionReader
{
    private const int HeaderSize = 64;
    private const int SectionHeaderSize = 64;

    /// <summary>The contents of section <paramref name="name"/>; false when absent or when the file is not such an ELF.</summary>
    public static bool TryReadSection(ReadOnlySpan<byte> elf, string name, out byte[] contents)
    {
        contents = [];
        foreach ((string sectionName, long offset, long size) in Sections(elf))
        {
            if (sectionName == name)
            {
                if (offset < 0 || size < 0 || offset > elf.Length || size > elf.Length - offset)
                {
                    return false;
                }

                contents = elf.Slice((int)offset, (int)size).ToArray();
                return true;
            }
        }

        return false;
    }

    /// <summary>Names of all sections, in file order (empty for input that is not a 64-bit little-endian ELF).</summary>
    public static IReadOnlyList<string> SectionNames(ReadOnlySpan<byte> elf) => [.. Sections(elf).Select(s => s.Name)];

    private static List<(string Name, long Offset, long Size)> Sections(ReadOnlySpan<byte> elf)
    {
        var result = new List<(string, long, long)>();
        if (elf.Length < HeaderSize || elf[0] != 0x7F || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F'
            || elf[4] != 2 /* ELFCLASS64 */ || elf[5] != 1 /* ELFDATA2LSB */)
        {
            return result;
        }

        long sectionTable = (long)BinaryPrimitives.ReadUInt64LittleEndian(elf[0x28..]);
        int entrySize = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3A..]);
        int count = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3C..]);
        int namesIndex = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3E..]);
        if (entrySize < SectionHeaderSize || namesIndex >= count || sectionTable <= 0 || sectionTable > elf.Length
            || sectionTable + (long)count * entrySize > elf.Length)
        {
            return result;
        }

        ReadOnlySpan<byte> namesHeader = elf.Slice((int)(sectionTable + (long)namesIndex * entrySize), SectionHeaderSize);
        long namesOffset = (long)BinaryPrimitives.ReadUInt64LittleEndian(namesHeader[0x18..]);
        long namesSize = (long)BinaryPrimitives.ReadUInt64LittleEndian(namesHeader[0x20..]);
        if (namesOffset < 0 || namesSize < 0 || namesOffset > elf.Length || namesSize > elf.Length - namesOffset)
        {
            return result;
        }

        ReadOnlySpan<byte> names = elf.Slice((int)namesOffset, (int)namesSize);
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> header = elf.Slice((int)(sectionTable + (long)i * entrySize), SectionHeaderSize);
            uint nameOffset = BinaryPrimitives.ReadUInt32LittleEndian(header);
            uint type = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            long offset = (long)BinaryPrimitives.ReadUInt64LittleEndian(header[0x18..]);
            long size = type == 8 /* SHT_NOBITS */ ? 0 : (long)BinaryPrimitives.ReadUInt64LittleEndian(header[0x20..]);
            string name = string.Empty;
            if (nameOffset < (uint)names.Length)
            {
                ReadOnlySpan<byte> rest = names[(int)nameOffset..];
                int end = rest.IndexOf((byte)0);
                name = Encoding.UTF8.GetString(end < 0 ? rest : rest[..end]);
            }

            result.Add((name, offset, size));
        }

        return result;
    }
}
