using System.Collections.Immutable;

namespace BtLang.Semantics.ProbeCatalog.Elf;

/// <summary>
/// Resolves the binary part of a uprobe/usdt attach point like bpftrace does: a path (absolute or relative),
/// a program name found on PATH (<c>bash</c>), or a library name resolved through <c>/etc/ld.so.cache</c> and then
/// the standard library directories (<c>libc</c> or <c>c</c> gives <c>/lib/x86_64-linux-gnu/libc.so.6</c>).
/// </summary>
public sealed class BinaryResolver
{
    /// <summary>The library directories searched after ld.so.cache.</summary>
    public static ImmutableArray<string> DefaultLibraryDirectories { get; } =
        ["/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib", "/usr/local/lib"];

    private readonly string? _pathVariable;
    private readonly string _ldSoCachePath;
    private readonly ImmutableArray<string> _libraryDirectories;
    private readonly Lazy<ImmutableArray<LdSoCacheEntry>> _cache;

    /// <summary>Creates a resolver. Nulls select the system defaults (the process PATH, /etc/ld.so.cache).</summary>
    public BinaryResolver(string? pathVariable = null, string? ldSoCachePath = null, ImmutableArray<string>? libraryDirectories = null)
    {
        _pathVariable = pathVariable ?? Environment.GetEnvironmentVariable("PATH");
        _ldSoCachePath = ldSoCachePath ?? "/etc/ld.so.cache";
        _libraryDirectories = libraryDirectories ?? DefaultLibraryDirectories;
        _cache = new Lazy<ImmutableArray<LdSoCacheEntry>>(() => LdSoCache.Read(_ldSoCachePath));
    }

    /// <summary>Resolves a binary or library name to an absolute path; null if nothing matches.</summary>
    public string? Resolve(string nameOrPath)
    {
        if (string.IsNullOrEmpty(nameOrPath))
            return null;
        if (nameOrPath.Contains('/'))
            return File.Exists(nameOrPath) ? Path.GetFullPath(nameOrPath) : null;
        return FindOnPath(nameOrPath) ?? FindLibrary(nameOrPath);
    }

    /// <summary>Finds an executable file on PATH.</summary>
    public string? FindOnPath(string name)
    {
        if (string.IsNullOrEmpty(_pathVariable))
            return null;
        foreach (var dir in _pathVariable.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate) && IsExecutable(candidate))
                return Path.GetFullPath(candidate);
        }
        return null;
    }

    /// <summary>Finds a shared library by name: <c>libc</c>, <c>c</c>, <c>libc.so</c> or <c>libc.so.6</c>.</summary>
    public string? FindLibrary(string name)
    {
        string stem = name.StartsWith("lib", StringComparison.Ordinal) ? name : "lib" + name;
        int so = stem.IndexOf(".so", StringComparison.Ordinal);
        string exact = stem;
        string prefix = (so >= 0 ? stem[..so] : stem) + ".so";
        LdSoCacheEntry? best = null;
        foreach (var entry in _cache.Value)
        {
            bool matches = entry.Name == exact || entry.Name == prefix || entry.Name.StartsWith(prefix + ".", StringComparison.Ordinal);
            if (!matches || !File.Exists(entry.Path))
                continue;
            if (best is null || (entry.IsX8664 && !best.IsX8664))
                best = entry;
        }
        if (best is not null)
            return best.Path;
        foreach (var dir in _libraryDirectories)
        {
            if (!Directory.Exists(dir))
                continue;
            string direct = Path.Combine(dir, exact);
            if (exact.Contains(".so", StringComparison.Ordinal) && IsElf(direct))
                return direct;
            try
            {
                // "libc.so" is often a linker script: take the first real ELF file, versioned names included.
                var match = Directory.EnumerateFiles(dir, prefix + "*").Order(StringComparer.Ordinal).FirstOrDefault(IsElf);
                if (match is not null)
                    return match;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Unreadable directory: try the next one.
            }
        }
        return null;
    }

    private static bool IsElf(string path)
    {
        try
        {
            if (!File.Exists(path))
                return false;
            using var stream = File.OpenRead(path);
            Span<byte> magic = stackalloc byte[4];
            return stream.Read(magic) == 4 && magic.SequenceEqual("\u007fELF"u8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
            return true;
        try
        {
            var mode = File.GetUnixFileMode(path);
            return (mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
