using ELFSharp.ELF;
using ELFSharp.ELF.Sections;

namespace BtLang.Driver.Symbols;

/// <summary>Looks up non-function symbols (variables) of an ELF file, for <c>uaddr("global_var")</c>.</summary>
internal static class ElfObjectSymbols
{
    public static ulong? Find(string path, string name)
    {
        try
        {
            using var stream = File.OpenRead(path);
            if (!ELFReader.TryLoad<ulong>(stream, shouldOwnStream: false, out var elf))
                return null;
            using (elf)
            {
                foreach (var table in elf.Sections.OfType<SymbolTable<ulong>>())
                {
                    foreach (var entry in table.Entries)
                    {
                        if (entry.Name == name && entry.PointedSectionIndex != 0 && entry.Value != 0)
                            return entry.Value;
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            // Unreadable file: no address.
        }
        return null;
    }
}
