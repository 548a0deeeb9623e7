using System.Collections.Concurrent;
using System.Collections.Immutable;
using BtLang.Semantics.ProbeCatalog.Btf;
using BtLang.Semantics.ProbeCatalog.Elf;
using BtLang.Semantics.ProbeCatalog.PerfEvents;
using BtLang.Semantics.ProbeCatalog.Tracepoints;
using BtLang.Semantics.ProbeCatalog.Usdt;

namespace BtLang.Semantics.ProbeCatalog;

/// <summary>
/// The probe catalog of a (real or fixture) system: reads tracefs, BTF, ELF files and ld.so.cache lazily, each on
/// first use, and caches what it read. Falls back to the bundled tracepoint catalog when tracefs is unreadable.
/// </summary>
public sealed class SystemProbeCatalog : IProbeCatalog
{
    private static readonly string[] DefaultTracefsRoots = ["/sys/kernel/tracing", "/sys/kernel/debug/tracing"];

    private readonly ProbeCatalogOptions _options;
    private readonly object _tracepointGate = new();
    private volatile TracepointState? _tracepoints;
    private readonly Lazy<(BtfTypeTable? Table, string? Error)> _btf;
    private readonly Lazy<IReadOnlyList<string>> _btfModules;
    private readonly ConcurrentDictionary<string, BtfTypeTable?> _moduleBtf = new(StringComparer.Ordinal);
    private readonly Lazy<(IReadOnlyList<string> Names, KernelFunctionSource Source)> _kernelFunctions;
    private readonly Lazy<IReadOnlyList<string>> _rawTracepoints;
    private readonly Lazy<IReadOnlyList<string>> _iterators;
    private readonly BinaryResolver _resolver;
    private readonly ConcurrentDictionary<string, (long Size, DateTime Modified, ElfBinary Binary)> _binaries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Size, DateTime Modified, Dwarf.DwarfInfo? Info, string Error)> _debugInfo = new(StringComparer.Ordinal);

    /// <summary>A catalog over the running system.</summary>
    public SystemProbeCatalog()
        : this(ProbeCatalogOptions.System)
    {
    }

    /// <summary>A catalog reading the places named by <paramref name="options"/>.</summary>
    public SystemProbeCatalog(ProbeCatalogOptions options)
    {
        _options = options;
        _btf = new(LoadKernelBtf);
        _btfModules = new(ListBtfModules);
        _kernelFunctions = new(ReadKernelFunctions);
        _rawTracepoints = new(ReadRawTracepoints);
        _iterators = new(ReadIterators);
        _resolver = new BinaryResolver(options.PathVariable, options.LdSoCachePath);
    }

    /// <summary>The shared catalog of the running system (created on first use).</summary>
    public static SystemProbeCatalog Shared { get; } = new();

    /// <summary>The options in use.</summary>
    public ProbeCatalogOptions Options => _options;

    /// <summary>The tracefs directory in use (the configured one, or the first default that exists).</summary>
    public string TracefsRoot => _options.TracefsRoot ?? DefaultTracefsRoots.FirstOrDefault(r => TracefsTracepointProvider.Probe(r) == TracefsStatus.Available) ?? DefaultTracefsRoots[0];

    /// <inheritdoc />
    public TracefsStatus TracefsStatus => CurrentTracepoints().Status;

    /// <inheritdoc />
    public TracepointSource TracepointSource => CurrentTracepoints().Source;

    /// <inheritdoc />
    public IReadOnlyList<TracepointName> Tracepoints => CurrentTracepoints().Provider?.Names ?? [];

    /// <inheritdoc />
    public TracepointEvent? GetTracepoint(string category, string name) => CurrentTracepoints().Provider?.GetEvent(category, name);

    /// <inheritdoc />
    public BtfTypeTable? KernelBtf => _btf.Value.Table;

    /// <inheritdoc />
    public string? KernelBtfError => _btf.Value.Error;

    /// <inheritdoc />
    public IReadOnlyList<string> BtfModules => _btfModules.Value;

    /// <inheritdoc />
    public BtfTypeTable? GetModuleBtf(string module)
    {
        if (module == "vmlinux")
            return KernelBtf;
        if (KernelBtf is not { } vmlinux || module.Contains('/') || module.StartsWith('.'))
            return null;
        return _moduleBtf.GetOrAdd(module, m =>
            BtfTypeTable.TryLoad(Path.Combine(_options.BtfModuleDirectory, m), vmlinux, out var table, out _) ? table : null);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> KernelFunctions => _kernelFunctions.Value.Names;

    /// <inheritdoc />
    public KernelFunctionSource KernelFunctionSource => _kernelFunctions.Value.Source;

    /// <inheritdoc />
    public BtfFunctionSignature? GetKernelFunction(string name) => KernelBtf?.FindFunction(name);

    /// <inheritdoc />
    public IReadOnlyList<string> RawTracepoints => _rawTracepoints.Value;

    /// <inheritdoc />
    public ImmutableArray<BtfParameter>? GetRawTracepointArguments(string name) => KernelBtf?.GetRawTracepointArguments(name);

    /// <inheritdoc />
    public IReadOnlyList<string> Iterators => _iterators.Value;

    /// <inheritdoc />
    public ImmutableArray<PerfEventInfo> SoftwareEvents => PerfEventTable.Software;

    /// <inheritdoc />
    public ImmutableArray<PerfEventInfo> HardwareEvents => PerfEventTable.Hardware;

    /// <inheritdoc />
    public string? ResolveBinary(string nameOrPath, int? pid = null)
    {
        if (pid is int p && !nameOrPath.Contains('/'))
        {
            string? mapped = FindMappedLibrary(p, nameOrPath);
            if (mapped is not null)
                return mapped;
        }
        return _resolver.Resolve(nameOrPath);
    }

    /// <inheritdoc />
    public bool TryGetUserFunction(string path, string name, out Dwarf.DwarfFunction function, out string error)
    {
        function = null!;
        FileInfo info;
        try
        {
            info = new FileInfo(path);
            if (!info.Exists)
            {
                error = $"{path}: no such file";
                return false;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            error = $"{path}: {e.Message}";
            return false;
        }

        if (!_debugInfo.TryGetValue(path, out var cached) || cached.Size != info.Length || cached.Modified != info.LastWriteTimeUtc)
        {
            var read = Dwarf.DwarfInfo.TryRead(path, out string readError);
            cached = (info.Length, info.LastWriteTimeUtc, read, readError);
            _debugInfo[path] = cached;
        }

        if (cached.Info is null)
        {
            error = cached.Error;
            return false;
        }

        if (cached.Info.FindFunction(name) is not { } found)
        {
            error = $"No debuginfo found for function {name} in {path}";
            return false;
        }

        function = found;
        error = "";
        return true;
    }

    /// <inheritdoc />
    public bool TryGetBinary(string path, out ElfBinary binary, out string error)
    {
        error = "";
        FileInfo info;
        try
        {
            info = new FileInfo(path);
            if (!info.Exists)
            {
                binary = null!;
                error = $"{path}: no such file";
                return false;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            binary = null!;
            error = $"{path}: {e.Message}";
            return false;
        }
        if (_binaries.TryGetValue(path, out var cached) && cached.Size == info.Length && cached.Modified == info.LastWriteTimeUtc)
        {
            binary = cached.Binary;
            return true;
        }
        if (!ElfBinary.TryLoad(path, out binary, out error))
            return false;
        _binaries[path] = (info.Length, info.LastWriteTimeUtc, binary);
        return true;
    }

    // Once tracefs is live it stays so. While it is not (not mounted yet, or unreadable), look again at most every
    // 500 ms: the driver may mount it after this catalog was first asked.
    private TracepointState CurrentTracepoints()
    {
        var current = _tracepoints;
        if (current is { Status: TracefsStatus.Available })
            return current;
        long now = Environment.TickCount64;
        if (current is not null && now - current.ProbedAt < 500)
            return current;
        lock (_tracepointGate)
        {
            current = _tracepoints;
            if (current is not null && (current.Status == TracefsStatus.Available || now - current.ProbedAt < 500))
                return current;
            var (status, provider, source) = OpenTracepoints();
            if (current is not null && current.Status == status && current.Source == source)
                provider = current.Provider; // unchanged: keep the cached formats
            var opened = new TracepointState(status, provider, source, now);
            _tracepoints = opened;
            return opened;
        }
    }

    private sealed record TracepointState(TracefsStatus Status, ITracepointProvider? Provider, TracepointSource Source, long ProbedAt);

    private (TracefsStatus, ITracepointProvider?, TracepointSource) OpenTracepoints()
    {
        var roots = _options.TracefsRoot is { } configured ? [configured] : DefaultTracefsRoots;
        var status = TracefsStatus.Missing;
        foreach (var root in roots)
        {
            var probed = TracefsTracepointProvider.Probe(root);
            if (probed == TracefsStatus.Available)
                return (probed, new TracefsTracepointProvider(root), TracepointSource.Tracefs);
            if (status == TracefsStatus.Missing || (status == TracefsStatus.NotMounted && probed == TracefsStatus.NotReadable))
                status = probed;
        }
        if (_options.UseBundledTracepoints)
            return (status, BundledTracepointProvider.Default, TracepointSource.Bundled);
        return (status, null, TracepointSource.None);
    }

    private (BtfTypeTable?, string?) LoadKernelBtf()
        => BtfTypeTable.TryLoad(_options.BtfPath, null, out var table, out var error) ? (table, null) : (null, error);

    private IReadOnlyList<string> ListBtfModules()
    {
        try
        {
            if (!Directory.Exists(_options.BtfModuleDirectory))
                return [];
            string vmlinux = Path.GetFileName(_options.BtfPath);
            return Directory.EnumerateFiles(_options.BtfModuleDirectory)
                .Select(Path.GetFileName)
                .Where(n => n is not null && n != vmlinux)
                .Select(n => n!)
                .Order(StringComparer.Ordinal)
                .ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private (IReadOnlyList<string>, KernelFunctionSource) ReadKernelFunctions()
    {
        string path = Path.Combine(TracefsRoot, "available_filter_functions");
        try
        {
            if (File.Exists(path))
            {
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var line in File.ReadLines(path))
                {
                    int space = line.IndexOf(' ');
                    string name = space < 0 ? line.Trim() : line[..space];
                    if (name.Length > 0)
                        names.Add(name);
                }
                return (names.Order(StringComparer.Ordinal).ToArray(), KernelFunctionSource.AvailableFilterFunctions);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // EPERM here when the kernel has no kprobes/ftrace for us: fall back to BTF.
        }
        if (KernelBtf is { } btf)
        {
            var names = btf.EnumerateNames(BtfKind.Function).Select(f => f.Name).Distinct().Order(StringComparer.Ordinal).ToArray();
            return (names, KernelFunctionSource.Btf);
        }
        return ([], KernelFunctionSource.None);
    }

    private IReadOnlyList<string> ReadRawTracepoints()
    {
        if (KernelBtf is not { } btf)
            return [];
        const string Prefix = "btf_trace_";
        return btf.EnumerateNames(BtfKind.Typedef)
            .Where(t => t.Name.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(t => t.Name[Prefix.Length..])
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    private IReadOnlyList<string> ReadIterators()
    {
        if (KernelBtf is not { } btf)
            return [];
        const string Prefix = "bpf_iter__";
        return btf.EnumerateNames(BtfKind.Struct)
            .Where(t => t.Name.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(t => t.Name[Prefix.Length..])
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    private string? FindMappedLibrary(int pid, string name)
    {
        string stem = name.StartsWith("lib", StringComparison.Ordinal) ? name : "lib" + name;
        string maps = Path.Combine(_options.ProcRoot, pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "maps");
        try
        {
            if (!File.Exists(maps))
                return null;
            foreach (var line in File.ReadLines(maps))
            {
                int slash = line.IndexOf('/');
                if (slash < 0)
                    continue;
                string path = line[slash..].Trim();
                string file = Path.GetFileName(path);
                if (file == stem || file.StartsWith(stem + ".so", StringComparison.Ordinal) || file.StartsWith(stem + "-", StringComparison.Ordinal))
                    return path;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process is gone or not ours to read.
        }
        return null;
    }
}
