using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using BtLang.Semantics.ProbeCatalog.Elf;

namespace BtLang.Driver.Symbols;

/// <summary>
/// Runtime symbolization as bpftrace prints it: kernel addresses through <c>/proc/kallsyms</c>
/// (<c>do_sys_open+5</c>), user addresses of a process through <c>/proc/PID/maps</c> and the ELF symbol tables of
/// the mapped files (load bias of PIE executables and libraries handled through the file offset), unknown
/// addresses as hex (<c>0x7f3a12345678</c>), plus <c>kaddr</c>/<c>uaddr</c> lookups and user names.
/// Thread-safe; kallsyms and passwd are read on first use, ELF files are cached by path, inode and mtime,
/// process maps per pid (re-read when an address falls outside every known mapping).
/// </summary>
public sealed class Symbolizer
{
    private readonly SymbolizerOptions _options;
    private readonly Lazy<KernelSymbolTable> _kernel;
    private readonly Lazy<PasswdTable> _passwd;
    private readonly ConcurrentDictionary<int, ImmutableArray<ProcessMapping>> _maps = new();
    private readonly ConcurrentDictionary<(string Path, ulong Inode, long Modified), ElfBinary?> _binaries = new();
    private readonly ConcurrentDictionary<string, string> _demangled = new(StringComparer.Ordinal);

    /// <summary>A symbolizer over the running system.</summary>
    public Symbolizer()
        : this(SymbolizerOptions.System)
    {
    }

    /// <summary>A symbolizer reading the places named by <paramref name="options"/>.</summary>
    public Symbolizer(SymbolizerOptions options)
    {
        _options = options;
        _kernel = new Lazy<KernelSymbolTable>(() => KernelSymbolTable.Load(options.KallsymsPath));
        _passwd = new Lazy<PasswdTable>(() => PasswdTable.Load(options.PasswdPath));
    }

    /// <summary>The kernel symbol table (empty without root).</summary>
    public KernelSymbolTable KernelSymbols => _kernel.Value;

    /// <summary>Kernel symbol of an address: <c>do_sys_open</c>, or <c>do_sys_open+5</c> with <paramref name="offset"/>;
    /// unknown addresses as <c>0x…</c>.</summary>
    public string KernelSymbol(ulong addr, bool offset)
    {
        if (!_kernel.Value.TryFind(addr, out string name, out ulong delta))
            return Hex(addr);
        return offset ? $"{name}+{delta.ToString(CultureInfo.InvariantCulture)}" : name;
    }

    /// <summary>User symbol of an address in process <paramref name="pid"/>: <c>main</c> or <c>main+20</c>; unknown
    /// addresses (or an exited process) as <c>0x…</c>.</summary>
    public string UserSymbol(int pid, ulong addr, bool offset) => UserSymbol(pid, addr, offset, withModule: false);

    /// <summary>As <see cref="UserSymbol(int, ulong, bool)"/>; with <paramref name="withModule"/> (perf stack mode)
    /// followed by <c> (/path/to/module)</c>, or <c> ([unknown])</c>.</summary>
    public string UserSymbol(int pid, ulong addr, bool offset, bool withModule)
    {
        var mapping = FindMapping(pid, addr);
        string text = Hex(addr);
        if (mapping is not null && mapping.IsFile && GetBinary(pid, mapping) is { } binary)
        {
            ulong fileOffset = addr - mapping.Start + mapping.Offset;
            if (binary.FileOffsetToAddress(fileOffset) is ulong elfAddress && binary.FindByAddress(elfAddress) is { } symbol)
            {
                string name = _options.Demangle ? Demangled(symbol.Name) : symbol.Name;
                ulong delta = elfAddress - symbol.Address;
                text = offset ? $"{name}+{delta.ToString(CultureInfo.InvariantCulture)}" : name;
            }
        }
        if (withModule)
            text += mapping is not null && mapping.Path.Length > 0 ? $" ({StripDeleted(mapping.Path)})" : " ([unknown])";
        return text;
    }

    /// <summary>The address of a kernel symbol (<c>kaddr("jiffies")</c>), or null if unknown.</summary>
    public ulong? ResolveKernelAddress(string name) => _kernel.Value.AddressOf(name);

    /// <summary>The address of a function or object symbol in an ELF file (<c>uaddr</c>), as the symbol table
    /// records it (the runtime address for non-PIE executables), or null.</summary>
    public ulong? ResolveUserAddress(string path, string symbol)
    {
        if (!ElfBinary.TryLoad(path, _options.DebugDirectory, out var binary, out _))
            return null;
        var function = binary.FindFunctions(symbol).FirstOrDefault();
        if (function is not null)
            return function.Address;
        return ElfObjectSymbols.Find(path, symbol);
    }

    /// <summary>The user name of a uid from the passwd file, or the number as text.</summary>
    public string UserName(uint uid) => _passwd.Value.NameOf(uid) ?? uid.ToString(CultureInfo.InvariantCulture);

    /// <summary>Forgets a process's cached mappings (e.g. when it exits or execs).</summary>
    public void ForgetProcess(int pid) => _maps.TryRemove(pid, out _);

    private static string Hex(ulong address) => "0x" + address.ToString("x", CultureInfo.InvariantCulture);

    private ProcessMapping? FindMapping(int pid, ulong address)
    {
        var maps = _maps.GetOrAdd(pid, p => ProcessMaps.Read(_options.ProcRoot, p));
        var mapping = Find(maps, address);
        if (mapping is null)
        {
            // The process may have mapped more since we read its maps (dlopen), or it may be gone.
            var fresh = ProcessMaps.Read(_options.ProcRoot, pid);
            if (!fresh.IsEmpty)
            {
                _maps[pid] = fresh;
                mapping = Find(fresh, address);
            }
        }
        return mapping;
    }

    private static ProcessMapping? Find(ImmutableArray<ProcessMapping> maps, ulong address)
    {
        foreach (var mapping in maps)
        {
            if (mapping.Contains(address))
                return mapping;
        }
        return null;
    }

    private ElfBinary? GetBinary(int pid, ProcessMapping mapping)
    {
        string path = StripDeleted(mapping.Path);
        // Through /proc/PID/root the file is found in the process's own mount namespace (containers).
        string viaRoot = Path.Combine(_options.ProcRoot, pid.ToString(CultureInfo.InvariantCulture), "root") + path;
        string file = File.Exists(viaRoot) ? viaRoot : path;
        long modified;
        try
        {
            if (!File.Exists(file))
                return null;
            modified = File.GetLastWriteTimeUtc(file).Ticks;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return _binaries.GetOrAdd((path, mapping.Inode, modified),
            key => ElfBinary.TryLoad(file, _options.DebugDirectory, out var binary, out _) ? binary : null);
    }

    private string Demangled(string name)
    {
        if (!name.StartsWith("_Z", StringComparison.Ordinal))
            return name;
        return _demangled.GetOrAdd(name, n => Demangler.Demangle(n) ?? n);
    }

    private static string StripDeleted(string path)
        => path.EndsWith(" (deleted)", StringComparison.Ordinal) ? path[..^" (deleted)".Length] : path;
}
