using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace BtLang.Driver.LibBpf;

/// <summary>
/// Maps an instruction of a program back to its script line and column through the BTF line info the emitter writes
/// (<c>.BTF.ext</c>, with the line texts in <c>.BTF</c>'s strings). The verifier quotes that line info itself, but
/// only when the line changes and its log keeps only the last part: a long run in a one-line <c>-e</c> script loses
/// the quote, so the driver looks the failing instruction up in the object instead.
/// </summary>
public static partial class BtfLineInfo
{
    private const ushort Magic = 0xEB9F;

    /// <summary>The last instruction the verifier log shows (<c>NN: (op) ...</c>), or null.</summary>
    public static int? LastInstruction(string verifierLog)
    {
        int? last = null;
        foreach (Match match in InstructionLine().Matches(verifierLog))
        {
            last = int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
        }

        return last;
    }

    /// <summary>
    /// The source position of instruction <paramref name="instruction"/> (0-based) of the program in ELF section
    /// <paramref name="section"/>: the line info record with the largest instruction offset not after it. Null when
    /// the object has no line info for that section or is not an ELF the emitter wrote.
    /// </summary>
    public static VerifierSourcePosition? Find(ReadOnlySpan<byte> elf, string section, int instruction)
    {
        if (!TryReadSection(elf, ".BTF", out var btf) || !TryReadSection(elf, ".BTF.ext", out var ext)
            || btf.Length < 24 || ext.Length < 24
            || BinaryPrimitives.ReadUInt16LittleEndian(btf) != Magic || BinaryPrimitives.ReadUInt16LittleEndian(ext) != Magic)
        {
            return null;
        }

        int btfHeader = (int)BinaryPrimitives.ReadUInt32LittleEndian(btf.AsSpan(4));
        long stringsStart = btfHeader + (long)BinaryPrimitives.ReadUInt32LittleEndian(btf.AsSpan(16));
        long stringsLength = BinaryPrimitives.ReadUInt32LittleEndian(btf.AsSpan(20));
        if (stringsStart < 0 || stringsStart + stringsLength > btf.Length)
        {
            return null;
        }

        var strings = btf.AsSpan((int)stringsStart, (int)stringsLength);
        int extHeader = (int)BinaryPrimitives.ReadUInt32LittleEndian(ext.AsSpan(4));
        long start = extHeader + (long)BinaryPrimitives.ReadUInt32LittleEndian(ext.AsSpan(16));
        long length = BinaryPrimitives.ReadUInt32LittleEndian(ext.AsSpan(20));
        if (start < 0 || length < 4 || start + length > ext.Length)
        {
            return null;
        }

        var lineInfo = ext.AsSpan((int)start, (int)length);
        int recordSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(lineInfo);
        if (recordSize < 16)
        {
            return null;
        }

        long wantedOffset = (long)instruction * 8;
        int at = 4;
        while (at + 8 <= lineInfo.Length)
        {
            string name = StringAt(strings, BinaryPrimitives.ReadUInt32LittleEndian(lineInfo[at..]));
            long count = BinaryPrimitives.ReadUInt32LittleEndian(lineInfo[(at + 4)..]);
            at += 8;
            if (count * recordSize > lineInfo.Length - at)
            {
                return null;
            }

            if (name == section)
            {
                VerifierSourcePosition? best = null;
                long bestOffset = -1;
                for (int i = 0; i < count; i++)
                {
                    var record = lineInfo.Slice(at + (i * recordSize), recordSize);
                    long offset = BinaryPrimitives.ReadUInt32LittleEndian(record);
                    uint lineColumn = BinaryPrimitives.ReadUInt32LittleEndian(record[12..]);
                    int line = (int)(lineColumn >> 10);
                    if (offset <= wantedOffset && offset >= bestOffset && line > 0)
                    {
                        bestOffset = offset;
                        best = new VerifierSourcePosition(line, (int)(lineColumn & 0x3FF), StringAt(strings, BinaryPrimitives.ReadUInt32LittleEndian(record[8..])));
                    }
                }

                return best;
            }

            at += (int)(count * recordSize);
        }

        return null;
    }

    /// <summary>A section of a 64-bit little-endian ELF object, by name (what the BPF backend writes).</summary>
    private static bool TryReadSection(ReadOnlySpan<byte> elf, string wanted, out byte[] contents)
    {
        contents = [];
        if (elf.Length < 64 || elf[0] != 0x7F || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F' || elf[4] != 2 || elf[5] != 1)
        {
            return false;
        }

        long table = (long)BinaryPrimitives.ReadUInt64LittleEndian(elf[0x28..]);
        int entrySize = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3A..]);
        int count = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3C..]);
        int namesIndex = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3E..]);
        if (entrySize < 64 || namesIndex >= count || table <= 0 || table + ((long)count * entrySize) > elf.Length)
        {
            return false;
        }

        if (!TrySlice(elf, elf.Slice((int)(table + ((long)namesIndex * entrySize)), 64), out var names))
        {
            return false;
        }

        for (int i = 0; i < count; i++)
        {
            var header = elf.Slice((int)(table + ((long)i * entrySize)), 64);
            if (StringAt(names, BinaryPrimitives.ReadUInt32LittleEndian(header)) == wanted && TrySlice(elf, header, out var section))
            {
                contents = section.ToArray();
                return true;
            }
        }

        return false;
    }

    private static bool TrySlice(ReadOnlySpan<byte> elf, ReadOnlySpan<byte> header, out ReadOnlySpan<byte> section)
    {
        long offset = (long)BinaryPrimitives.ReadUInt64LittleEndian(header[0x18..]);
        long size = (long)BinaryPrimitives.ReadUInt64LittleEndian(header[0x20..]);
        bool valid = offset >= 0 && size >= 0 && offset <= elf.Length && size <= elf.Length - offset;
        section = valid ? elf.Slice((int)offset, (int)size) : default;
        return valid;
    }

    private static string StringAt(ReadOnlySpan<byte> strings, uint offset)
    {
        if (offset >= strings.Length)
        {
            return string.Empty;
        }

        var rest = strings[(int)offset..];
        int end = rest.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? rest : rest[..end]);
    }

    [GeneratedRegex(@"^(\d+): \(", RegexOptions.Multiline)]
    private static partial Regex InstructionLine();
}
