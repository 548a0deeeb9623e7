using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;

namespace BtLang.Semantics.ProbeCatalog.Usdt;

/// <summary>Parses the contents of a <c>.note.stapsdt</c> section (64-bit notes of type 3, owner <c>stapsdt</c>).</summary>
public static class UsdtNoteParser
{
    private const uint StapsdtNoteType = 3;

    /// <summary>
    /// Parses every note. <paramref name="stapsdtBaseAddress"/> is the actual address of the <c>.stapsdt.base</c>
    /// section (null if absent); <paramref name="toFileOffset"/> converts virtual addresses to file offsets.
    /// </summary>
    public static ImmutableArray<UsdtProbe> Parse(string path, ReadOnlySpan<byte> notes, ulong? stapsdtBaseAddress, Func<ulong, ulong?> toFileOffset)
    {
        var probes = ImmutableArray.CreateBuilder<UsdtProbe>();
        int pos = 0;
        while (pos + 12 <= notes.Length)
        {
            int nameSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(notes[pos..]);
            int descSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(notes[(pos + 4)..]);
            uint type = BinaryPrimitives.ReadUInt32LittleEndian(notes[(pos + 8)..]);
            int nameStart = pos + 12;
            int descStart = nameStart + Align4(nameSize);
            int next = descStart + Align4(descSize);
            if (nameSize < 0 || descSize < 0 || next > notes.Length || next <= pos)
                break;
            var owner = notes.Slice(nameStart, nameSize).TrimEnd((byte)0);
            if (type == StapsdtNoteType && owner.SequenceEqual("stapsdt"u8) && descSize >= 24)
            {
                var desc = notes.Slice(descStart, descSize);
                ulong pc = BinaryPrimitives.ReadUInt64LittleEndian(desc);
                ulong noteBase = BinaryPrimitives.ReadUInt64LittleEndian(desc[8..]);
                ulong semaphore = BinaryPrimitives.ReadUInt64LittleEndian(desc[16..]);
                var strings = desc[24..];
                string provider = ReadString(ref strings);
                string name = ReadString(ref strings);
                string args = ReadString(ref strings);
                if (stapsdtBaseAddress is ulong actualBase && noteBase != 0)
                {
                    // Prelinked or relocated: shift the site by how far .stapsdt.base moved (as libbpf does;
                    // the semaphore address is used as recorded).
                    pc = unchecked(pc + actualBase - noteBase);
                }
                bool valid = UsdtArgumentParser.TryParseAll(args, out var parsed);
                probes.Add(new UsdtProbe(path, provider, name, pc, toFileOffset(pc) ?? pc, noteBase, semaphore,
                    semaphore == 0 ? 0 : toFileOffset(semaphore) ?? 0, args, parsed, valid));
            }
            pos = next;
        }
        return probes.ToImmutable();
    }

    private static int Align4(int value) => (value + 3) & ~3;

    private static string ReadString(ref ReadOnlySpan<byte> span)
    {
        int nul = span.IndexOf((byte)0);
        if (nul < 0)
        {
            string all = Encoding.UTF8.GetString(span);
            span = default;
            return all;
        }
        string text = Encoding.UTF8.GetString(span[..nul]);
        span = span[(nul + 1)..];
        return text;
    }
}
