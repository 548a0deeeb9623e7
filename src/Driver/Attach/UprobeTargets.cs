using System.Buffers.Binary;
using ELFSharp.ELF;
using ELFSharp.ELF.Sections;

namespace BtLang.Driver.Attach;

/// <summary>
/// Resolves uprobe targets like bpftrace: a path is used as written; a bare name is looked up as a library
/// (<c>libc</c> → <c>/lib/x86_64-linux-gnu/libc.so.6</c>) in the usual library directories, then as a program on PATH.
/// Also converts virtual addresses to file offsets (what the kernel's uprobe wants).
/// </summary>
public static class UprobeTargets
{
    private static readonly string[] LibraryDirectories =
    {
        "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
        "/lib64", "/usr/lib64", "/lib", "/usr/lib", "/usr/local/lib",
    };

    /// <summary>The file a uprobe target names, or null when nothing matches.</summary>
    public static string? Resolve(string target)
    {
        if (target.Contains('/'))
        {
            return File.Exists(target) ? Path.GetFullPath(target) : null;
        }

        // Prefer the runtime library (libc.so.6) over the development name (libc.so may be a linker script).
        string libraryName = target.StartsWith("lib", StringComparison.Ordinal) ? target : "lib" + target;
        foreach (var directory in LibraryDirectories.Where(Directory.Exists))
        {
            var candidates = Directory.EnumerateFiles(directory, libraryName + ".so.*")
                .OrderBy(p => p.Length)
                .ThenBy(p => p, StringComparer.Ordinal)
                .Prepend(Path.Combine(directory, target))
                .Append(Path.Combine(directory, libraryName + ".so"));
            var found = candidates.FirstOrDefault(IsElf);
            if (found is not null)
            {
                return found;
            }
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string path = Path.Combine(directory, target);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>
    /// The virtual address of function <paramref name="name"/> in an ELF64 file (.symtab, then .dynsym), or null
    /// when it has no such defined function. With <paramref name="demangled"/> a C++ function is also found by its
    /// demangled name.
    /// </summary>
    public static ulong? FindFunction(string path, string name, bool demangled = true)
    {
        try
        {
            using var stream = File.OpenRead(path);
            if (!ELFReader.TryLoad<ulong>(stream, shouldOwnStream: false, out var elf))
            {
                return null;
            }

            using (elf)
            {
                foreach (var table in elf.Sections.OfType<SymbolTable<ulong>>())
                {
                    foreach (var entry in table.Entries)
                    {
                        if (entry.Type == SymbolType.Function && entry.Value != 0 && entry.PointedSectionIndex != 0 && entry.Name == name)
                        {
                            return entry.Value;
                        }
                    }
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
        }

        return demangled ? FindDemangledFunction(path, name) : null;
    }

    /// <summary>
    /// The names (as in the symbol table, i.e. mangled) of the functions of <paramref name="path"/> that match the
    /// wildcard <paramref name="pattern"/> by their own name or, for C++, by their demangled name with or without its
    /// parameters (<c>app::compute*</c> matches <c>_ZN3app7computeEli</c>), like bpftrace; only by their own name
    /// when <paramref name="demangled"/> is false (<c>cpp_demangle = 0</c>).
    /// </summary>
    public static IReadOnlyList<string> MatchFunctions(string path, string pattern, bool demangled = true)
    {
        if (!BtLang.Semantics.ProbeCatalog.Elf.ElfBinary.TryLoad(path, out var binary, out _))
        {
            return [];
        }

        var matcher = BtLang.Semantics.ProbeCatalog.Wildcards.WildcardPattern.Parse(pattern);
        return binary.FunctionNames
            .Where(n => matcher.IsMatch(n) || (demangled && Demangled(n).Any(matcher.IsMatch)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A C++ function named by its demangled name (<c>app::compute(long, int)</c> or <c>app::compute</c>).</summary>
    private static ulong? FindDemangledFunction(string path, string name)
    {
        if (!name.Contains("::", StringComparison.Ordinal) && !name.Contains('(', StringComparison.Ordinal))
        {
            return null;
        }

        if (!BtLang.Semantics.ProbeCatalog.Elf.ElfBinary.TryLoad(path, out var binary, out _))
        {
            return null;
        }

        var match = binary.FunctionNames.FirstOrDefault(n => n != name && Demangled(n).Contains(name, StringComparer.Ordinal));
        return match is null ? null : FindFunction(path, match);
    }

    private static IEnumerable<string> Demangled(string symbol)
    {
        if (!symbol.StartsWith("_Z", StringComparison.Ordinal))
        {
            yield break;
        }

        if (BtLang.Semantics.ProbeCatalog.Elf.Demangler.Demangle(symbol) is { } full)
        {
            yield return full;
        }

        if (BtLang.Semantics.ProbeCatalog.Elf.Demangler.DemangleWithoutParameters(symbol) is { } plain)
        {
            yield return plain;
        }
    }

    /// <summary>The uprobe PMU's perf event type and its retprobe config bit, or null when the PMU is missing.</summary>
    public static (uint Type, int RetprobeBit)? UprobePmu()
    {
        try
        {
            const string Directory = "/sys/bus/event_source/devices/uprobe";
            uint type = uint.Parse(File.ReadAllText(Path.Combine(Directory, "type")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            string format = File.ReadAllText(Path.Combine(Directory, "format", "retprobe")).Trim();
            int bit = format.StartsWith("config:", StringComparison.Ordinal)
                ? int.Parse(format["config:".Length..], System.Globalization.CultureInfo.InvariantCulture)
                : 0;
            return (type, bit);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static bool IsElf(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            Span<byte> magic = stackalloc byte[4];
            return stream.Read(magic) == 4 && magic[0] == 0x7f && magic[1] == (byte)'E' && magic[2] == (byte)'L' && magic[3] == (byte)'F';
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// The file offset of virtual address <paramref name="address"/> in an ELF64 little-endian file (through the
    /// PT_LOAD segment that contains it), or null when no segment holds it.
    /// </summary>
    public static ulong? VirtualAddressToFileOffset(string path, ulong address)
    {
        using var stream = File.OpenRead(path);
        Span<byte> header = stackalloc byte[64];
        if (stream.Read(header) < 64 || header[0] != 0x7f || header[1] != (byte)'E' || header[4] != 2 || header[5] != 1)
        {
            return null;
        }

        ulong programHeaderOffset = BinaryPrimitives.ReadUInt64LittleEndian(header[0x20..]);
        int entrySize = BinaryPrimitives.ReadUInt16LittleEndian(header[0x36..]);
        int count = BinaryPrimitives.ReadUInt16LittleEndian(header[0x38..]);
        var entry = new byte[Math.Max(entrySize, 56)];
        for (int i = 0; i < count; i++)
        {
            stream.Position = (long)programHeaderOffset + (long)i * entrySize;
            if (stream.Read(entry, 0, entrySize) < 56)
            {
                return null;
            }

            uint type = BinaryPrimitives.ReadUInt32LittleEndian(entry);
            ulong offset = BinaryPrimitives.ReadUInt64LittleEndian(entry.AsSpan(8));
            ulong virtualAddress = BinaryPrimitives.ReadUInt64LittleEndian(entry.AsSpan(16));
            ulong memorySize = BinaryPrimitives.ReadUInt64LittleEndian(entry.AsSpan(40));
            if (type == 1 && address >= virtualAddress && address < virtualAddress + memorySize)
            {
                return address - virtualAddress + offset;
            }
        }

        return null;
    }
}
