using System.Collections.Immutable;
using BtLang.Semantics.ProbeCatalog.Usdt;
using ELFSharp.ELF;
using ELFSharp.ELF.Sections;
using ELFSharp.ELF.Segments;

namespace BtLang.Semantics.ProbeCatalog.Elf;

/// <summary>
/// What the tracer needs from an ELF executable or shared library: function symbols from .symtab and .dynsym
/// (STT_FUNC and STT_GNU_IFUNC), the load segments (to turn addresses into file offsets and back) and the
/// USDT probes of its <c>.note.stapsdt</c> section. Immutable once loaded.
/// </summary>
public sealed class ElfBinary
{
    private const int SttGnuIfunc = 10;
    private readonly ImmutableArray<ElfFunctionSymbol> _byAddress;
    private readonly Lazy<ImmutableArray<string>> _names;

    /// <summary>Where separate debug files are installed (Debian's *-dbg packages).</summary>
    public const string DefaultDebugDirectory = "/usr/lib/debug";

    private ElfBinary(string path, bool isSharedObject, ImmutableArray<ElfLoadSegment> segments,
        ImmutableArray<ElfFunctionSymbol> functions, ImmutableArray<UsdtProbe> usdtProbes, bool hasSymtab, string? buildId, string? debugFile)
    {
        Path = path;
        BuildId = buildId;
        DebugFilePath = debugFile;
        IsSharedObject = isSharedObject;
        Segments = segments;
        Functions = functions;
        UsdtProbes = usdtProbes;
        HasSymbolTable = hasSymtab;
        _byAddress = [.. functions.Where(f => f.Address != 0).OrderBy(f => f.Address).ThenByDescending(f => f.IsGlobal)];
        _names = new Lazy<ImmutableArray<string>>(() => [.. Functions.Select(f => f.Name).Distinct().Order(StringComparer.Ordinal)]);
    }

    /// <summary>The file path.</summary>
    public string Path { get; }

    /// <summary>ET_DYN (a shared library or a PIE executable): the load bias is not 0.</summary>
    public bool IsSharedObject { get; }

    /// <summary>True if the file has a .symtab (not stripped).</summary>
    public bool HasSymbolTable { get; }

    /// <summary>The GNU build id as lowercase hex, or null.</summary>
    public string? BuildId { get; }

    /// <summary>The separate debug file whose .symtab was merged in (for stripped files), or null.</summary>
    public string? DebugFilePath { get; }

    /// <summary>PT_LOAD segments.</summary>
    public ImmutableArray<ElfLoadSegment> Segments { get; }

    /// <summary>Defined function symbols (duplicates between .symtab and .dynsym removed).</summary>
    public ImmutableArray<ElfFunctionSymbol> Functions { get; }

    /// <summary>Distinct function names, ordinal order (the order of <c>-l 'uprobe:bin:*'</c>).</summary>
    public ImmutableArray<string> FunctionNames => _names.Value;

    /// <summary>USDT probes from <c>.note.stapsdt</c>.</summary>
    public ImmutableArray<UsdtProbe> UsdtProbes { get; }

    /// <summary>Loads an ELF file. Returns false with a message if it is missing or not ELF. A stripped file's
    /// local functions come from its separate debug file (found by build id or .gnu_debuglink under
    /// <paramref name="debugDirectory"/>), as bpftrace finds them.</summary>
    public static bool TryLoad(string path, out ElfBinary binary, out string error) => TryLoad(path, DefaultDebugDirectory, out binary, out error);

    /// <inheritdoc cref="TryLoad(string, out ElfBinary, out string)"/>
    public static bool TryLoad(string path, string? debugDirectory, out ElfBinary binary, out string error)
    {
        binary = null!;
        error = "";
        try
        {
            using var stream = File.OpenRead(path);
            if (!ELFReader.TryLoad<ulong>(stream, shouldOwnStream: false, out var elf))
            {
                error = $"{path} is not a 64-bit ELF file";
                return false;
            }
            using (elf)
            {
                binary = Read(path, elf, debugDirectory);
                return true;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or OverflowException)
        {
            error = $"cannot read ELF file {path}: {e.Message}";
            return false;
        }
    }

    /// <summary>Finds functions by exact name.</summary>
    public IEnumerable<ElfFunctionSymbol> FindFunctions(string name) => Functions.Where(f => f.Name == name);

    /// <summary>The function containing (or nearest below) a virtual address, or null. Uses the symbol size when
    /// known; a zero-sized symbol covers up to the next symbol.</summary>
    public ElfFunctionSymbol? FindByAddress(ulong address)
    {
        int lo = 0, hi = _byAddress.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_byAddress[mid].Address <= address)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        if (found < 0)
            return null;
        // Several symbols may share the address; walk back to the first and prefer one whose size covers it.
        while (found > 0 && _byAddress[found - 1].Address == _byAddress[found].Address)
            found--;
        for (int i = found; i < _byAddress.Length && _byAddress[i].Address == _byAddress[found].Address; i++)
        {
            if (_byAddress[i].Size == 0 || _byAddress[i].Contains(address))
                return _byAddress[i];
        }
        // The address is past the end of the nearest symbol: look further back for an enclosing one.
        for (int i = found - 1; i >= 0 && i >= found - 8; i--)
        {
            if (_byAddress[i].Contains(address))
                return _byAddress[i];
        }
        return null;
    }

    /// <summary>Converts a virtual address to a file offset through the load segments (null if unmapped).</summary>
    public ulong? AddressToFileOffset(ulong address)
    {
        foreach (var segment in Segments)
        {
            if (address >= segment.VirtualAddress && address < segment.VirtualAddress + segment.FileSize)
                return address - segment.VirtualAddress + segment.Offset;
        }
        return null;
    }

    /// <summary>Converts a file offset to a virtual address through the load segments (null if not loaded).</summary>
    public ulong? FileOffsetToAddress(ulong offset)
    {
        foreach (var segment in Segments)
        {
            if (segment.ContainsOffset(offset))
                return offset - segment.Offset + segment.VirtualAddress;
        }
        return null;
    }

    private static ElfBinary Read(string path, ELF<ulong> elf, string? debugDirectory)
    {
        var segments = ImmutableArray.CreateBuilder<ElfLoadSegment>();
        foreach (var segment in elf.Segments)
        {
            if (segment.Type != SegmentType.Load)
                continue;
            segments.Add(new ElfLoadSegment(segment.Address, (ulong)segment.Offset, (ulong)segment.FileSize, segment.Size,
                (segment.Flags & SegmentFlags.Execute) != 0));
        }
        var loadSegments = segments.ToImmutable();

        var functions = ImmutableArray.CreateBuilder<ElfFunctionSymbol>();
        var seen = new HashSet<(string, ulong)>();
        bool hasSymtab = AddFunctions(elf, loadSegments, functions, seen);
        string? buildId = ReadBuildId(elf);
        string? debugFile = null;
        if (!hasSymtab && debugDirectory is not null)
        {
            debugFile = FindDebugFile(path, elf, buildId, debugDirectory);
            if (debugFile is not null && !TryAddDebugFunctions(debugFile, loadSegments, functions, seen))
                debugFile = null;
        }

        var usdt = ImmutableArray<UsdtProbe>.Empty;
        if (elf.TryGetSection(".note.stapsdt", out var notes))
        {
            ulong? stapsdtBase = elf.TryGetSection(".stapsdt.base", out var baseSection) && baseSection is Section<ulong> b ? b.LoadAddress : null;
            usdt = UsdtNoteParser.Parse(path, notes.GetContents(), stapsdtBase, address => ToFileOffset(loadSegments, address));
        }
        return new ElfBinary(path, elf.Type == FileType.SharedObject, loadSegments, functions.ToImmutable(), usdt, hasSymtab, buildId, debugFile);
    }

    private static bool AddFunctions(ELF<ulong> elf, ImmutableArray<ElfLoadSegment> loadSegments, ImmutableArray<ElfFunctionSymbol>.Builder functions, HashSet<(string, ulong)> seen)
    {
        bool hasSymtab = false;
        // .symtab first (it has the local functions too), then .dynsym for stripped files.
        foreach (var table in elf.Sections.OfType<SymbolTable<ulong>>().OrderBy(t => t.Type == SectionType.SymbolTable ? 0 : 1))
        {
            hasSymtab |= table.Type == SectionType.SymbolTable;
            foreach (var entry in table.Entries)
            {
                int type = (int)entry.Type;
                if (type != (int)SymbolType.Function && type != SttGnuIfunc)
                    continue;
                if (entry.PointedSectionIndex == 0 || entry.Value == 0 || string.IsNullOrEmpty(entry.Name))
                    continue;
                string name = StripVersion(entry.Name);
                if (!seen.Add((name, entry.Value)))
                    continue;
                ulong fileOffset = ToFileOffset(loadSegments, entry.Value) ?? entry.Value;
                bool global = entry.Binding is SymbolBinding.Global or SymbolBinding.Weak;
                functions.Add(new ElfFunctionSymbol(name, entry.Value, entry.Size, fileOffset, type == SttGnuIfunc, global));
            }
        }
        return hasSymtab;
    }

    private static bool TryAddDebugFunctions(string debugFile, ImmutableArray<ElfLoadSegment> loadSegments, ImmutableArray<ElfFunctionSymbol>.Builder functions, HashSet<(string, ulong)> seen)
    {
        try
        {
            using var stream = File.OpenRead(debugFile);
            if (!ELFReader.TryLoad<ulong>(stream, shouldOwnStream: false, out var debug))
                return false;
            using (debug)
                return AddFunctions(debug, loadSegments, functions, seen);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or OverflowException)
        {
            return false;
        }
    }

    private static string? ReadBuildId(ELF<ulong> elf)
    {
        if (!elf.TryGetSection(".note.gnu.build-id", out var section))
            return null;
        var data = section.GetContents();
        if (data.Length < 16)
            return null;
        int nameSize = BitConverter.ToInt32(data, 0);
        int descSize = BitConverter.ToInt32(data, 4);
        int descStart = 12 + ((nameSize + 3) & ~3);
        if (descSize <= 0 || descStart + descSize > data.Length)
            return null;
        return Convert.ToHexStringLower(data, descStart, descSize);
    }

    private static string? FindDebugFile(string path, ELF<ulong> elf, string? buildId, string debugDirectory)
    {
        if (buildId is { Length: > 2 })
        {
            string byId = System.IO.Path.Combine(debugDirectory, ".build-id", buildId[..2], buildId[2..] + ".debug");
            if (File.Exists(byId))
                return byId;
        }
        if (elf.TryGetSection(".gnu_debuglink", out var link))
        {
            var data = link.GetContents();
            int nul = Array.IndexOf(data, (byte)0);
            string name = System.Text.Encoding.UTF8.GetString(data, 0, nul < 0 ? data.Length : nul);
            string dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? "/";
            foreach (var candidate in new[] { System.IO.Path.Combine(dir, ".debug", name), debugDirectory + dir + "/" + name })
            {
                if (name.Length > 0 && File.Exists(candidate) && candidate != path)
                    return candidate;
            }
        }
        return null;
    }

    private static ulong? ToFileOffset(ImmutableArray<ElfLoadSegment> segments, ulong address)
    {
        foreach (var segment in segments)
        {
            if (address >= segment.VirtualAddress && address < segment.VirtualAddress + segment.MemorySize)
                return address - segment.VirtualAddress + segment.Offset;
        }
        return null;
    }

    // .dynsym names may carry a version as "name@@VER" in some tools' output; ELF itself keeps versions apart,
    // but be tolerant of names that contain one.
    private static string StripVersion(string name)
    {
        int at = name.IndexOf('@');
        return at > 0 ? name[..at] : name;
    }
}
