using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;

namespace BtLang.Semantics.ProbeCatalog.Elf;

/// <summary>
/// Reads <c>/etc/ld.so.cache</c> in glibc's new format (<c>glibc-ld.so.cache1.1</c>), alone or after the old
/// <c>ld.so-1.7.0</c> table, to resolve library names like <c>libc</c> the way the dynamic loader would.
/// </summary>
public static class LdSoCache
{
    private const string OldMagic = "ld.so-1.7.0";
    private const string NewMagic = "glibc-ld.so.cache";
    private const int NewHeaderSize = 48;
    private const int NewEntrySize = 24;

    /// <summary>Parses the cache file; returns no entries if it is missing or unreadable.</summary>
    public static ImmutableArray<LdSoCacheEntry> Read(string path)
    {
        try
        {
            return File.Exists(path) ? Parse(File.ReadAllBytes(path)) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Parses cache contents.</summary>
    public static ImmutableArray<LdSoCacheEntry> Parse(byte[] data)
    {
        int start = 0;
        var span = data.AsSpan();
        if (span.StartsWith(Encoding.ASCII.GetBytes(OldMagic)))
        {
            // Old header: magic[11] + pad + nlibs (u32 at 12); old entries are 12 bytes; the new table follows, 8-aligned.
            if (data.Length < 16)
                return [];
            int oldCount = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[12..]);
            start = 16 + oldCount * 12;
            start = (start + 7) & ~7;
        }
        if (start + NewHeaderSize > data.Length || !span[start..].StartsWith(Encoding.ASCII.GetBytes(NewMagic)))
            return [];
        int count = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(start + 20)..]);
        var entries = ImmutableArray.CreateBuilder<LdSoCacheEntry>();
        for (int i = 0; i < count; i++)
        {
            int e = start + NewHeaderSize + i * NewEntrySize;
            if (e + NewEntrySize > data.Length)
                break;
            int flags = BinaryPrimitives.ReadInt32LittleEndian(span[e..]);
            uint key = BinaryPrimitives.ReadUInt32LittleEndian(span[(e + 4)..]);
            uint value = BinaryPrimitives.ReadUInt32LittleEndian(span[(e + 8)..]);
            // In the new format string offsets are relative to the new header (which is the file start when alone).
            string name = ReadString(span, start + (int)key);
            string file = ReadString(span, start + (int)value);
            if (name.Length > 0 && file.Length > 0)
                entries.Add(new LdSoCacheEntry(name, file, flags));
        }
        return entries.ToImmutable();
    }

    private static string ReadString(ReadOnlySpan<byte> data, int offset)
    {
        if (offset < 0 || offset >= data.Length)
            return "";
        var rest = data[offset..];
        int nul = rest.IndexOf((byte)0);
        return Encoding.UTF8.GetString(nul < 0 ? rest : rest[..nul]);
    }
}
