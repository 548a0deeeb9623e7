using ELFSharp.ELF;

namespace BtLang.Semantics.ProbeCatalog.Dwarf;

/// <summary>
/// The functions of an ELF binary's <c>.debug_info</c> (DWARF 2 to 5, as gcc and clang emit it): each
/// DW_TAG_subprogram by DW_AT_name and DW_AT_linkage_name with its DW_TAG_formal_parameter children, named and
/// typed. Only what uprobe <c>args</c> and <c>-lv</c> need is kept; other entries are skipped.
/// </summary>
public sealed class DwarfInfo
{
    private readonly Dictionary<string, DwarfFunction> _functions;

    private DwarfInfo(Dictionary<string, DwarfFunction> functions) => _functions = functions;

    /// <summary>The function named <paramref name="name"/> (or with that linkage name), or null.</summary>
    public DwarfFunction? FindFunction(string name) => _functions.GetValueOrDefault(name);

    /// <summary>Reads the debug info of a binary; null (with a reason) when it has none or it is unreadable.</summary>
    public static DwarfInfo? TryRead(string path, out string error)
    {
        error = "";
        try
        {
            using var stream = File.OpenRead(path);
            if (!ELFReader.TryLoad<ulong>(stream, shouldOwnStream: false, out var elf))
            {
                error = $"{path} is not a 64-bit ELF file";
                return null;
            }

            using (elf)
            {
                byte[]? Section(string name) => elf.TryGetSection(name, out var s) && s.Type != ELFSharp.ELF.Sections.SectionType.NoBits ? s.GetContents() : null;
                if (Section(".debug_info") is not { } info || Section(".debug_abbrev") is not { } abbrev)
                {
                    error = $"No debuginfo found for {path}";
                    return null;
                }

                var reader = new DwarfReader(info, abbrev, Section(".debug_str"), Section(".debug_line_str"), Section(".debug_str_offsets"));
                return new DwarfInfo(reader.ReadFunctions());
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or IndexOutOfRangeException or InvalidDataException or NotSupportedException)
        {
            error = $"cannot read the debug info of {path}: {e.Message}";
            return null;
        }
    }
}
