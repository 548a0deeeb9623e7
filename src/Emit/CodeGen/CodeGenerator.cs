using BtLang.Semantics.ProbeCatalog.Providers;
using System.Collections.Immutable;
using BtLang.Diagnostics;
using BtLang.Emit.Btf;
using BtLang.Emit.Llvm;
using BtLang.Emit.Metadata;
using BtLang.Semantics;
using BtLang.Semantics.Binding;
using BtLang.Semantics.Builtins;
using BtLang.Semantics.Probes;
using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Emit.CodeGen;

/// <summary>
/// Lowers a bound program to one LLVM module: a BTF-defined BPF map per script map, a ring buffer for events, a
/// per-CPU scratch area, a config array the driver fills, one program per probe, and the metadata section.
/// </summary>
internal sealed class CodeGenerator : IDisposable
{
    public const string RingBufferName = "btl_events";
    public const string ScratchMapName = "btl_scratch";
    /// <summary>
    /// The config is a global variable in its own data section, so programs address it directly (no map lookup);
    /// libbpf names the array map it makes for a <c>.data.NAME</c> section after the section.
    /// </summary>
    public const string ConfigSection = ".data.cfg";

    public const string ConfigMapName = ConfigSection;
    public const string KernelStackMapName = "btl_kstack";
    public const string UserStackMapName = "btl_ustack";
    /// <summary>The lost-events counter: a global u64 in its own data section (map name = section name).</summary>
    public const string LostEventsSection = ".data.lost";

    public const string LostEventsMapName = LostEventsSection;

    /// <summary>Per-CPU scratch bytes per program (the kernel caps per-CPU values at 32 KiB).</summary>
    public const int ScratchSize = 32 * 1024;

    private readonly Compilation _compilation;
    private readonly BoundProgram _program;
    private readonly EmitOptions _options;
    private readonly LlvmContext _context;
    private readonly LlvmModule _module;
    private readonly List<Diagnostic> _diagnostics = new();
    private readonly List<FormatMetadata> _formats = new();
    private readonly List<string> _probeNames = new();
    private readonly Dictionary<string, MapLayout> _maps = new(StringComparer.Ordinal);
    private LlvmValue? _kernelStackMap;
    private LlvmValue? _userStackMap;

    private readonly Dictionary<string, LlvmCallee> _externFunctions = new(StringComparer.Ordinal);

    /// <summary>
    /// The external declaration of global function <paramref name="name"/> of an imported BPF C file, declared
    /// once, with the C file's integer types in its LLVM signature and its debug info (so BTF describes it as an
    /// extern FUNC the static linker resolves).
    /// </summary>
    public (LlvmCallee Callee, Semantics.CImports.ExternFunction Function) ExternFunction(string name)
    {
        var function = _compilation.Imports.ExternFunctions[name];
        if (!_externFunctions.TryGetValue(name, out var callee))
        {
            var debug = _module.DebugInfo!;
            var parameterTypes = function.Parameters.Select(p => _context.Int(p.Bits)).ToArray();
            var returnType = function.ReturnType is { } result ? _context.Int(result.Bits) : _context.Void;
            var type = _context.Function(returnType, parameterTypes);
            var declaration = _module.AddFunction(name, type);
            declaration.SetLinkage(LlvmLinkage.External);
            var debugTypes = new List<LlvmMetadata> { function.ReturnType is { } r ? DebugType(debug, r) : LlvmMetadata.None };
            debugTypes.AddRange(function.Parameters.Select(p => DebugType(debug, p)));
            debug.ExternFunction(declaration, name, debug.SubroutineType([.. debugTypes]));
            callee = new LlvmCallee(type, declaration);
            _externFunctions[name] = callee;
        }

        return (callee, function);
    }

    private static LlvmMetadata DebugType(LlvmDebugInfo debug, Semantics.CImports.ExternScalarType type) =>
        debug.BasicType(type.CName, (ulong)type.Bits, type.Bits == 8
            ? (type.IsSigned ? DwarfEncoding.SignedChar : DwarfEncoding.UnsignedChar)
            : (type.IsSigned ? DwarfEncoding.Signed : DwarfEncoding.Unsigned));

    public CodeGenerator(Compilation compilation, BoundProgram program, EmitOptions options)
    {
        _compilation = compilation;
        _program = program;
        _options = options;
        BpfTarget.EnsureInitialized();
        _context = new LlvmContext();
        _module = _context.CreateModule(compilation.SyntaxTree.FilePath);
        _module.EnableDebugInfo(compilation.SyntaxTree.FilePath, sourceText: compilation.SyntaxTree.Text.ToString());
        RingBuffer = BtfMaps.Define(_module, BpfMapDefinition.RingBuffer(RingBufferName, RingBufferBytes(program.Settings.PerfRingBufferPages)));
        Scratch = BtfMaps.Define(_module, new BpfMapDefinition(ScratchMapName, BpfMapType.PercpuArray, null, BtfMapSlot.OfSize(ScratchSize), 1));
        var debug = _module.DebugInfo!;
        Config = BtfGlobals.Define(_module, "btl_config", _context.Array(_context.I64, RuntimeConfig.Size / 8),
            debug.ArrayType(debug.Integer(64, signed: false), 64, RuntimeConfig.Size / 8), ConfigSection);
        UsesExit = _compilation.Binding.BoundNodes.Values.OfType<BoundCall>().Any(c => c.Function == "exit");
        // A global counter (atomically incremented, only when the ring buffer is full): addressed directly, so the
        // lost path of an event is three instructions instead of a map lookup.
        LostEvents = BtfGlobals.Define(_module, "btl_lost", _context.I64, debug.Integer(64, signed: false), LostEventsSection);
    }

    public LlvmContext Context => _context;

    public LlvmModule Module => _module;

    public EmitOptions Options => _options;

    public ProgramSettings Settings => _program.Settings;

    public LlvmValue RingBuffer { get; }

    public LlvmValue Scratch { get; }

    /// <summary>The runtime config (<see cref="RuntimeConfig"/>): a pointer to the global, usable in any program.</summary>
    public LlvmValue Config { get; }

    /// <summary>Whether some probe calls exit(): only then do probes check the "exiting" flag.</summary>
    public bool UsesExit { get; }

    /// <summary>Pointer to the global u64 that counts events dropped because the ring buffer was full.</summary>
    public LlvmValue LostEvents { get; }

    public BtLang.Syntax.SyntaxTree SyntaxTree => _compilation.SyntaxTree;

    public IReadOnlyDictionary<string, MapLayout> Maps => _maps;

    public EmitResult Generate()
    {
        if (_program.Probes.Length > _program.Settings.MaxProbes)
        {
            Report(EmitDiagnostics.TooManyProbes, Location.None, _program.Probes.Length, _program.Settings.MaxProbes);
        }

        DefineMaps();
        var probes = ImmutableArray.CreateBuilder<ProbeMetadata>();
        foreach (var probe in _program.Probes)
        {
            foreach (var unit in SplitIntoPrograms(probe))
            {
                var generator = new ProgramGenerator(this, probe, unit.Name, unit.Section, unit.ProbeNameIndex);
                generator.Generate();
                probes.Add(new ProbeMetadata
                {
                    ProgramName = unit.Name,
                    Section = unit.Section,
                    Provider = ProviderFacts.CanonicalName(probe.Provider),
                    AttachPoints = unit.AttachPoints.Select(ToMetadata).ToImmutableArray(),
                });
            }
        }

        BpfPrograms.AddLicense(_module, _program.Settings.License);
        var metadata = new ObjectMetadata
        {
            SourceName = _compilation.SyntaxTree.FilePath,
            Probes = probes.ToImmutable(),
            Maps = _maps.Values.OrderBy(m => m.Index).Select(m => m.Metadata).ToImmutableArray(),
            Formats = _formats.ToImmutableArray(),
            ProbeNames = _probeNames.ToImmutableArray(),
            EventRingBuffer = RingBufferName,
            Settings = ImmutableDictionary<string, string>.Empty
                .Add("config_map", ConfigMapName)
                .Add("pid_filter", _options.PidFilter ? "1" : "0")
                .Add("scratch_map", ScratchMapName)
                .Add("lost_map", LostEventsMapName)
                .Add("print_maps_on_exit", _program.Settings.PrintMapsOnExit ? "1" : "0")
                .Add("max_strlen", _program.Settings.MaxStrlen.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Add("max_cat_bytes", _program.Settings.MaxCatBytes.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Add("str_trunc_trailer", _program.Settings.StrTruncTrailer),
        };

        if (_diagnostics.Any(d => d.IsError))
        {
            return new EmitResult(_diagnostics.ToImmutableArray(), null, null, null, null);
        }

        var bytes = MetadataSerializer.Serialize(metadata);
        ObjectSections.AddDataSection(_module, ObjectMetadata.SectionName, "btlang_meta", bytes);
        _module.Complete();

        string? ir = _options.KeepIr ? _module.PrintToString() : null;
        if (_options.VerifyIr && _module.Verify() is { } verifyError)
        {
            Report(EmitDiagnostics.InvalidIr, Location.None, verifyError);
            return new EmitResult(_diagnostics.ToImmutableArray(), null, null, ir, null);
        }

        if (_options.Optimize && _module.Optimize() is { } optimizeError)
        {
            Report(EmitDiagnostics.LlvmError, Location.None, optimizeError);
        }

        string? optimized = _options.KeepIr ? _module.PrintToString() : null;
        var emitted = _module.EmitObject();
        foreach (var error in emitted.Errors)
        {
            Report(EmitDiagnostics.LlvmError, Location.None, error.Message);
        }

        if (!emitted.Success || _diagnostics.Any(d => d.IsError))
        {
            return new EmitResult(_diagnostics.ToImmutableArray(), null, null, ir, optimized);
        }

        return new EmitResult(_diagnostics.ToImmutableArray(), emitted.ObjectBytes, metadata, ir, optimized);
    }

    public void Report(DiagnosticDescriptor descriptor, Location location, params object?[] args) =>
        _diagnostics.Add(Diagnostic.Create(descriptor, location, args));

    /// <summary>Registers a user-space formatted output site; returns its id (index into the metadata's formats).</summary>
    public int AddFormat(FormatMetadata format)
    {
        // The driver prints format text as UTF-8: escaped bytes (\xe2\x94\x80) become the character they encode
        // together, as the same bytes written by bpftrace show on a UTF-8 terminal.
        _formats.Add(format with { Format = System.Text.Encoding.UTF8.GetString(StringLiteralBytes.GetBytes(format.Format)) });
        return _formats.Count - 1;
    }

    public int AddProbeName(string name)
    {
        int index = _probeNames.IndexOf(name);
        if (index >= 0)
        {
            return index;
        }

        _probeNames.Add(name);
        return _probeNames.Count - 1;
    }

    public LlvmValue KernelStackMap => _kernelStackMap ??= BtfMaps.Define(_module, BpfMapDefinition.StackTrace(KernelStackMapName, StackType.DefaultDepth, 4096));

    public LlvmValue UserStackMap => _userStackMap ??= BtfMaps.Define(_module, BpfMapDefinition.StackTrace(UserStackMapName, StackType.DefaultDepth, 4096));

    public RuntimeType ToRuntimeType(BtType type) => RuntimeTypes.From(type, KernelStackMapName, UserStackMapName);

    public void Dispose()
    {
        _module.Dispose();
        _context.Dispose();
    }

    private static uint RingBufferBytes(int pages)
    {
        // A ring buffer must be a power-of-two number of pages.
        uint bytes = 4096;
        while (bytes < (ulong)Math.Max(1, pages) * 4096 && bytes < (1u << 30))
        {
            bytes <<= 1;
        }

        return bytes;
    }

    private void DefineMaps()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        // Maps a probe deletes from, iterates or counts keep the hash representation (see keylessArray below).
        var bound = _compilation.Binding.BoundNodes.Values;
        var deleted = bound.OfType<BoundMapDelete>().Select(d => d.Target.MapName)
            .Concat(bound.OfType<BoundForMap>().Select(f => f.MapName))
            .Concat(bound.OfType<BoundCall>().Where(c => c.Function is "len" or "delete" && c.Text is not null).Select(c => c.Text!))
            .ToHashSet(StringComparer.Ordinal);
        var assignments = bound.OfType<BoundMapAssignment>().ToList();
        int index = 0;
        foreach (var symbol in _program.Maps.Values.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            string bpfName = UniqueBpfName(symbol.Name, used);
            var aggregate = symbol.ValueType as AggregateType;
            bool tseries = aggregate?.Aggregate is Semantics.Types.AggregateKind.TSeries;
            bool bucketInKey = tseries || aggregate?.Aggregate is Semantics.Types.AggregateKind.Hist or Semantics.Types.AggregateKind.LHist;
            bool perCpu = aggregate is not null;
            int scriptKeySize = symbol.KeyType is null ? 8 : MapLayout.Align8(symbol.KeyType.Size);
            int keySize = scriptKeySize + (bucketInKey ? 8 : 0);
            int valueSize = aggregate switch
            {
                null => Math.Max(1, MapLayout.Align8(symbol.ValueType.Size)),
                { Aggregate: Semantics.Types.AggregateKind.Hist or Semantics.Types.AggregateKind.LHist } => 8,
                _ => aggregate.Size,
            };
            string kind = symbol.DeclaredKind ?? "hash";
            bool lru = kind.Contains("lru", StringComparison.Ordinal);
            perCpu |= kind.StartsWith("percpu", StringComparison.Ordinal);
            // A keyless count/min/max/avg/stats/hist/lhist map is a per-CPU array (one slot, or one per bucket): the
            // kernel inlines array lookups and slots always exist, so an event costs no hash and no update call.
            // All-zero slots read as absent (each of these aggregates writes a non-zero word on its first event).
            // Not for sum (a sum can be 0), declared map kinds, or maps a probe deletes from.
            bool keylessArray = symbol.IsScalar && symbol.DeclaredKind is null && !deleted.Contains(symbol.Name)
                && aggregate?.Aggregate is Semantics.Types.AggregateKind.Count or Semantics.Types.AggregateKind.Min
                    or Semantics.Types.AggregateKind.Max or Semantics.Types.AggregateKind.Avg or Semantics.Types.AggregateKind.Stats
                    or Semantics.Types.AggregateKind.Hist or Semantics.Types.AggregateKind.LHist
                && (!bucketInKey || aggregate.Buckets is > 0 and <= 4096);
            if (keylessArray)
            {
                // A keyless hist/lhist: one slot per bucket, indexed by the bucket.
                keySize = 4;
            }

            var mapType = keylessArray ? BpfMapType.PercpuArray : (perCpu, lru) switch
            {
                (true, true) => BpfMapType.LruPercpuHash,
                (true, false) => BpfMapType.PercpuHash,
                (false, true) => BpfMapType.LruHash,
                _ => BpfMapType.Hash,
            };
            int maxEntries = symbol.IsScalar && !bucketInKey ? 1 : symbol.DeclaredMaxEntries ?? _program.Settings.MaxMapKeys;
            if (keylessArray && bucketInKey)
            {
                maxEntries = aggregate!.Buckets;
            }
            else if (tseries)
            {
                // One element per (key, interval slot); bounded so a keyed series cannot ask for gigabytes.
                maxEntries = (int)Math.Min((long)Math.Max(maxEntries, 1) * aggregate!.Buckets, 1L << 18);
            }
            else if (bucketInKey)
            {
                maxEntries = checked(Math.Max(maxEntries, 1) * Math.Min(aggregate!.Buckets, 256));
            }

            var global = BtfMaps.Define(_module, new BpfMapDefinition(bpfName, mapType, BtfMapSlot.OfSize((uint)keySize), BtfMapSlot.OfSize((uint)valueSize), (uint)maxEntries));
            var metadata = new MapMetadata
            {
                Name = symbol.Name,
                BpfName = bpfName,
                Key = symbol.KeyType is null ? RuntimeType.None : FormattedRuntimeTypes.Apply(ToRuntimeType(symbol.KeyType), assignments.Where(a => a.Target.MapName == symbol.Name).Select(a => a.Target.Key)
                    .Concat(bound.OfType<BoundAggregateAssignment>().Where(a => a.Target.MapName == symbol.Name).Select(a => a.Target.Key))),
                Value = aggregate is null ? FormattedRuntimeTypes.Apply(ToRuntimeType(symbol.ValueType), assignments.Where(a => a.Target.MapName == symbol.Name).Select(a => (BoundExpression?)a.Value)) : RuntimeType.Int(8, aggregate.IsSigned),
                Aggregate = aggregate is null ? Metadata.AggregateKind.None : (Metadata.AggregateKind)((int)aggregate.Aggregate + 1),
                IsPerCpu = perCpu,
                IsScalar = symbol.IsScalar,
                BpfMapType = mapType switch
                {
                    BpfMapType.PercpuArray => MapMetadata.PercpuArrayType,
                    BpfMapType.LruPercpuHash => "lru_percpu_hash",
                    BpfMapType.PercpuHash => "percpu_hash",
                    BpfMapType.LruHash => "lru_hash",
                    _ => "hash",
                },
                MaxEntries = maxEntries,
                ValueSize = valueSize,
                KeySize = keySize,
                BucketInKey = bucketInKey,
                Buckets = aggregate?.Buckets ?? 0,
                HistBits = aggregate?.HistBits ?? 0,
                LHistMin = aggregate?.Min ?? 0,
                LHistMax = aggregate?.Max ?? 0,
                LHistStep = aggregate?.Step ?? 0,
                TSeriesIntervalNs = aggregate?.IntervalNs ?? 0,
                TSeriesFunction = tseries ? aggregate!.TSeriesFunction.ToString().ToLowerInvariant() : null,
            };
            _maps[symbol.Name] = new MapLayout(symbol, index++, bpfName, global, metadata);
        }
    }

    private static string UniqueBpfName(string scriptName, HashSet<string> used)
    {
        string baseName = "AT_" + new string(scriptName.TrimStart('@').Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
        if (baseName.Length > 15)
        {
            baseName = baseName[..15];
        }

        string name = baseName;
        for (int i = 1; !used.Add(name); i++)
        {
            string suffix = "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            name = (baseName.Length + suffix.Length > 15 ? baseName[..(15 - suffix.Length)] : baseName) + suffix;
        }

        return name;
    }

    /// <summary>
    /// One BPF program per probe, except where the program must differ per attach point: when the body uses
    /// <c>probe</c> and the probe has several attach points, each gets its own copy with its own name constant.
    /// </summary>
    private IEnumerable<ProgramUnit> SplitIntoPrograms(BoundProbe probe)
    {
        string baseName = $"bt_p{probe.Index}_{ProviderFacts.CanonicalName(probe.Provider).ToLowerInvariant()}";
        if (baseName.Length > 15)
        {
            baseName = $"bt_p{probe.Index}";
        }

        if (probe.Provider == ProbeProviderKind.Usdt)
        {
            ProgramGenerator.DefineUsdtMaps(_module);
        }

        bool usesProbe = UsesProbeBuiltin(probe);
        // Wildcards are expanded here (like bpftrace) so that each match gets its own name constant.
        var points = usesProbe ? probe.AttachPoints.SelectMany(ExpandForProbeName).ToList() : null;
        if (points is null || points.Count <= 1)
        {
            string probeName = points is [var only] ? only.CanonicalName : probe.AttachPoints.IsEmpty ? string.Empty : probe.AttachPoints[0].CanonicalName;
            yield return new ProgramUnit(baseName, SectionFor(probe.AttachPoints.FirstOrDefault(), probe.Provider), probe.AttachPoints, AddProbeName(probeName));
            yield break;
        }

        for (int i = 0; i < points.Count; i++)
        {
            var point = points[i];
            string name = $"bt_p{probe.Index}_{i}";
            yield return new ProgramUnit(name, SectionFor(point, point.Provider), ImmutableArray.Create(point), AddProbeName(point.CanonicalName));
        }
    }

    /// <summary>The attach points, each with the full name <c>probe</c> prints, that a point stands for.</summary>
    private IEnumerable<AttachPoint> ExpandForProbeName(AttachPoint point) =>
        point.Provider == ProbeProviderKind.Tracepoint
            ? ExpandTracepointWildcard(point)
            : ProbeNameExpansion.ExpandUserProbe(point, _compilation.Options.Catalog ?? BtLang.Semantics.ProbeCatalog.SystemProbeCatalog.Shared, _program.Settings.CppDemangle);

    /// <summary>The tracepoints a wildcard tracepoint attach point matches (from the probe catalog); other points as they are.</summary>
    private IEnumerable<AttachPoint> ExpandTracepointWildcard(AttachPoint point)
    {
        if (point.Provider != ProbeProviderKind.Tracepoint || !point.HasWildcard)
        {
            return [point];
        }

        var catalog = _compilation.Options.Catalog ?? BtLang.Semantics.ProbeCatalog.SystemProbeCatalog.Shared;
        var category = BtLang.Semantics.ProbeCatalog.Wildcards.WildcardPattern.Parse(point.Target ?? "*");
        var event_ = BtLang.Semantics.ProbeCatalog.Wildcards.WildcardPattern.Parse(point.Function ?? "*");
        var matches = catalog.Tracepoints
            .Where(t => category.IsMatch(t.Category) && event_.IsMatch(t.Name))
            .OrderBy(t => t.Category, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => point with { Target = t.Category, Function = t.Name, HasWildcard = false, Text = $"tracepoint:{t.Category}:{t.Name}" })
            .ToList();
        return matches.Count == 0 ? [point] : matches;
    }

    private static bool UsesProbeBuiltin(BoundProbe probe) =>
        probe.Syntax.DescendantNodes().OfType<BtLang.Syntax.IdentifierExpressionSyntax>().Any(i => i.Identifier.Text == "probe");

    private static string SectionFor(AttachPoint? point, ProbeProviderKind provider) => provider switch
    {
        ProbeProviderKind.Begin or ProbeProviderKind.End or ProbeProviderKind.Self or ProbeProviderKind.Test or ProbeProviderKind.Bench => "raw_tp",
        ProbeProviderKind.Tracepoint when point is { HasWildcard: false } => $"tracepoint/{point.Target}/{point.Function}",
        ProbeProviderKind.Tracepoint => "tracepoint",
        ProbeProviderKind.RawTracepoint when point is { HasWildcard: false } => $"raw_tp/{point.Function}",
        ProbeProviderKind.RawTracepoint => "raw_tp",
        ProbeProviderKind.Kprobe => point is { HasWildcard: false } ? $"kprobe/{point.Function}" : "kprobe",
        ProbeProviderKind.Kretprobe => point is { HasWildcard: false } ? $"kretprobe/{point.Function}" : "kretprobe",
        ProbeProviderKind.Uprobe => "uprobe",
        ProbeProviderKind.Uretprobe => "uretprobe",
        ProbeProviderKind.Usdt => "usdt",
        ProbeProviderKind.Fentry => point is { HasWildcard: false } ? $"fentry/{point.Function}" : "fentry",
        ProbeProviderKind.Fexit => point is { HasWildcard: false } ? $"fexit/{point.Function}" : "fexit",
        ProbeProviderKind.Iter => $"iter/{point?.Function}",
        _ => "perf_event",
    };

    private static AttachPointMetadata ToMetadata(AttachPoint point) => new()
    {
        Text = point.Text,
        Target = point.Target,
        Namespace = point.Namespace,
        Function = point.Function,
        Offset = point.Offset,
        Address = point.Address,
        Unit = point.Unit,
        Value = point.Value,
        Length = point.Length,
        Mode = point.Mode,
        HasWildcard = point.HasWildcard,
    };

    private sealed record ProgramUnit(string Name, string Section, ImmutableArray<AttachPoint> AttachPoints, int ProbeNameIndex);
}
