using BtLang.Semantics.ProbeCatalog.Providers;
using System.Collections.Immutable;
using BtLang.Diagnostics;
using BtLang.Semantics.Builtins;
using BtLang.Semantics.Probes;
using BtLang.Semantics.Symbols;
using BtLang.Semantics.Types;
using BtLang.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.Semantics.Binding;

/// <summary>
/// Binds a syntax tree to a <see cref="BoundProgram"/>. Map types are inferred over the whole program: usually one
/// pass binds everything, but a pass in which a map was read in a state that changed later in the pass (read before
/// the assignment that types it, a key or string type that widens afterwards) is discarded and the tree bound again
/// with the types learnt, at most <see cref="MaxPasses"/> times in all; only the last pass's diagnostics count.
/// </summary>
internal sealed partial class Binder
{
    private const int MaxPasses = 5;

    private readonly SyntaxTree _tree;
    private readonly ImportSet _imports;
    private readonly CompilationOptions _options;
    private readonly Dictionary<string, MapInfo> _maps;
    private readonly bool _speculative;
    private bool _readUnassignedMap;
    private readonly List<Diagnostic> _diagnostics = new();

    /// <summary>
    /// The type of the first value assigned to each variable declared without a type, before widening: bpftrace's
    /// sizeof($x) gives the size of that type ($x = (uint16)1 is 2 bytes there) while BtLang stores integers as 64 bits.
    /// </summary>
    private readonly Dictionary<VariableSymbol, BtType> _sizeofTypes = new();
    private readonly Dictionary<SyntaxNode, BoundNode> _boundNodes;
    private readonly List<(SyntaxToken Token, Symbol Symbol)> _references = new();
    private readonly HashSet<string> _declaredMaps = new(StringComparer.Ordinal);
    private ProgramSettings _settings = new();
    private Scope _scope = new(null);
    private Scope _probeScope = new(null);
    private static readonly IReadOnlyDictionary<string, SyntaxToken> NoProbeScopedVariables = new Dictionary<string, SyntaxToken>();
    private IReadOnlyDictionary<string, SyntaxToken> _probeScopedVariables = NoProbeScopedVariables;
    private bool _undefinedVariableRead;
    private ProbeProviderKind? _provider;
    private StructType? _argsType;
    private List<ProbeCatalog.Tracepoints.TracepointName> _tracepoints = new();
    private ImmutableArray<AttachPoint> _points = ImmutableArray<AttachPoint>.Empty;
    private int _loopDepth;
    private int _variableIds;

    private readonly CDefinitions.CDeclarations _c;

    private Binder(SyntaxTree tree, ImportSet imports, CompilationOptions options, Dictionary<string, MapInfo> maps, bool speculative, CDefinitions.CDeclarations c)
    {
        _tree = tree;
        _imports = imports;
        _options = options;
        _maps = maps;
        _speculative = speculative;
        _c = c;

        // About one bound node per six characters of script: sized once instead of grown a dozen times.
        _boundNodes = new Dictionary<SyntaxNode, BoundNode>(Math.Clamp(tree.Text.Length / 6, 16, 1 << 16));
    }

    /// <summary>Binds <paramref name="tree"/> and returns the program plus what the semantic model needs.</summary>
    public static BindingResult Bind(SyntaxTree tree, CompilationOptions options, CancellationToken cancellationToken = default) =>
        Bind(tree, ImportSet.Empty, options, cancellationToken);

    /// <summary>
    /// Binds <paramref name="tree"/> with the scripts it imports: their macros, map declarations and probes are part
    /// of the program (after the main script's), as in bpftrace.
    /// </summary>
    public static BindingResult Bind(SyntaxTree tree, ImportSet imports, CompilationOptions options, CancellationToken cancellationToken = default)
    {
        var c = ReadCDefinitions(tree, imports, options, out var cDiagnostics);
        bool speculative = true;
        bool trusted = false;
        Dictionary<string, MapInfo>? previous = null;
        for (int pass = 1; ; pass++)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Each pass infers the map types afresh (a type that came from a speculative read must not stick); its
            // reads of a map not assigned yet see the type the previous pass ended with.
            var maps = new Dictionary<string, MapInfo>(StringComparer.Ordinal);
            if (previous is not null)
            {
                foreach (var (name, info) in previous)
                {
                    maps[name] = new MapInfo(name, info, trusted);
                }
            }

            // A speculative pass reads a map nobody assigned yet as an integer (the assignment may come later); the
            // last pass reports such reads.
            var binder = new Binder(tree, imports, options, maps, speculative && pass < MaxPasses, c);
            binder._diagnostics.AddRange(cDiagnostics);
            binder._diagnostics.AddRange(imports.Diagnostics);
            var program = binder.BindProgram();
            bool stale = maps.Values.Any(m => m.SawChangedState);
            if (pass == MaxPasses || (!stale && !binder._readUnassignedMap))
            {
                return new BindingResult(program, binder._boundNodes, binder._references.ToImmutableArray(), pass);
            }

            // Types are settled but some read found no type: the next pass is the last and reports those reads.
            speculative = stale;
            trusted = !binder._readUnassignedMap;
            previous = maps;
        }
    }

    private BoundProgram BindProgram()
    {
        var root = _tree.GetRoot();
        var roots = _imports.Trees.Select(t => t.GetRoot()).Prepend(root).ToList();
        _settings = BindSettings(root);
        CollectMacros(roots);
        foreach (var unit in roots)
        {
            BindMapDeclarations(unit);
        }

        var probes = ImmutableArray.CreateBuilder<BoundProbe>();
        foreach (var member in roots.SelectMany(r => r.Members))
        {
            if (member is ProbeSyntax probe)
            {
                foreach (var group in AttachPointGroups(probe))
                {
                    probes.Add(BindProbe(probe, probes.Count, group));
                }
            }
        }

        ReportUnassignedMaps();

        var symbols = _maps.Values
            .Where(m => m.AssignedValueType is not null)
            .ToImmutableDictionary(
                m => m.Name,
                m => new MapSymbol(m.Name, m.AssignedKeyType, m.AssignedValueType!, m.Locations.ToImmutableArray(), m.DeclaredKind, m.DeclaredMaxEntries),
                StringComparer.Ordinal);
        // A probe bound once per tracepoint format reports its common problems once.
        // An args field missing from several formats is reported once, naming the first tracepoint that lacks it.
        var diagnostics = _diagnostics.DistinctBy(d => (d.Id, d.Location.Span, d.Id == SemanticDiagnostics.UnknownField.Id ? string.Empty : d.Message)).ToImmutableArray();
        return new BoundProgram(probes.ToImmutable(), symbols, _settings, diagnostics);
    }

    /// <summary>The environment's settings (<see cref="CompilationOptions.Config"/>) with the script's config blocks applied.</summary>
    private ProgramSettings BindSettings(CompilationUnitSyntax root)
    {
        var entries = new List<KeyValuePair<string, string>>();
        var entrySyntax = new List<SyntaxNode>();
        foreach (var config in root.Members.OfType<ConfigBlockSyntax>())
        {
            foreach (var setting in config.Settings)
            {
                string name = setting.Identifier.Text;
                string? value = setting.Value switch
                {
                    LiteralExpressionSyntax literal => literal.Token.ValueText,
                    IdentifierExpressionSyntax identifier => identifier.Identifier.Text,
                    _ => null,
                };
                if (value is null)
                {
                    Report(SemanticDiagnostics.InvalidConfig, setting.Value, $"Invalid value for {name}: expected a literal or a name");
                    continue;
                }

                entries.Add(KeyValuePair.Create(name, value));
                entrySyntax.Add(setting);
            }
        }

        var settings = _options.Config.ApplyScriptConfig(entries, out var errors);
        foreach (var error in errors)
        {
            // BT1029 is the compiler's stable ID for a bad config block entry; the table's message says what is wrong.
            Report(SemanticDiagnostics.InvalidConfig, entrySyntax[error.EntryIndex], error.Message);
        }

        return new ProgramSettings(settings);
    }

    private void BindMapDeclarations(CompilationUnitSyntax root)
    {
        foreach (var declaration in root.Members.OfType<MapDeclarationSyntax>())
        {
            string name = declaration.MapToken.Text;
            var info = GetMap(name);
            if (!_declaredMaps.Add(name))
            {
                Report(SemanticDiagnostics.DuplicateMapDeclaration, declaration.MapToken, name);
                continue;
            }

            info.Locations.Add(Loc(declaration.MapToken));
            if (declaration.Initializer is CallExpressionSyntax call &&
                call.Identifier.Text is "hash" or "lruhash" or "percpuhash" or "percpulruhash" &&
                call.ArgumentList.Arguments.Count == 1 &&
                BindExpression(call.ArgumentList.Arguments[0]).ConstantValue is long size and > 0)
            {
                info.DeclaredKind = call.Identifier.Text;
                info.DeclaredMaxEntries = (int)Math.Min(size, int.MaxValue);
            }
            else
            {
                Report(SemanticDiagnostics.InvalidArgument, declaration.Initializer, "Map declarations take hash(N), lruhash(N), percpuhash(N) or percpulruhash(N) with a positive size");
            }
        }
    }

    private BoundProbe BindProbe(ProbeSyntax probe, int index, IReadOnlyList<AttachPointChoice>? only)
    {
        var attachPoints = ImmutableArray.CreateBuilder<AttachPoint>();
        foreach (var (attach, expanded) in only ?? probe.AttachPoints.Select(a => new AttachPointChoice(a, null)))
        {
            string text = expanded ?? string.Concat(attach.Tokens.Select(t => t.Text));
            if (text.Length == 0)
            {
                continue; // the parser has reported the missing attach point
            }

            var point = AttachPointParser.Parse(text, attach.Span, out string? error);
            if (point is null)
            {
                Report(ProviderFacts.Parse(AttachPointParser.Split(text)[0]) is null ? SemanticDiagnostics.UnknownProvider : SemanticDiagnostics.InvalidAttachPoint, attach, error ?? text);
                continue;
            }

            attachPoints.Add(point);
            CheckUprobeOffset(point, attach);
        }

        var points = attachPoints.ToImmutable();
        _provider = points.IsEmpty ? null : points[0].Provider;
        foreach (var point in points.Skip(1))
        {
            if (!ProgramTypeCompatible(points[0].Provider, point.Provider))
            {
                Report(SemanticDiagnostics.InvalidAttachPoint, probe.AttachPoints[0], $"Attach points of one probe must be of compatible types: {ProviderFacts.CanonicalName(points[0].Provider)} and {ProviderFacts.CanonicalName(point.Provider)}");
            }
        }

        _argsType = null;
        _tracepoints = ResolveTracepoints(probe, points);
        _points = points;
        NoteIterator(points);

        // A read of a variable no enclosing block assigns may be an old script's probe-wide variable: only then is
        // the probe looked at for such variables (see ProbeScopedVariables) and, if it has any, bound again.
        int diagnostics = _diagnostics.Count;
        int references = _references.Count;
        bool warnedTSeries = _warnedUnstableTSeries;
        _probeScopedVariables = NoProbeScopedVariables;
        _undefinedVariableRead = false;
        var (predicate, body) = BindProbeBody(probe);
        if (_undefinedVariableRead && ProbeScopedVariables.Find(probe.Body) is { Count: > 0 } probeScoped)
        {
            _diagnostics.RemoveRange(diagnostics, _diagnostics.Count - diagnostics);
            _references.RemoveRange(references, _references.Count - references);
            _warnedUnstableTSeries = warnedTSeries;
            _probeScopedVariables = probeScoped;
            foreach (var (name, read) in probeScoped)
            {
                Report(Diagnostic.Create(SemanticDiagnostics.ProbeScopedVariable, Loc(read), name)
                    .WithHint($"declare it before the block that assigns it, at the top of the probe: let {name};"));
            }

            (predicate, body) = BindProbeBody(probe);
        }

        return Record(probe, new BoundProbe(probe, index, _provider ?? ProbeProviderKind.Begin, points, predicate, body));
    }

    private (BoundExpression? Predicate, BoundBlock Body) BindProbeBody(ProbeSyntax probe)
    {
        _scope = new Scope(null);
        _probeScope = _scope;
        _loopDepth = 0;
        BoundExpression? predicate = null;
        if (probe.Predicate is { } p)
        {
            predicate = BindCondition(p.Condition, "predicate");
        }

        return (predicate, BindBlock(probe.Body, newScope: false));
    }

    /// <summary>The tracepoints a probe's attach points name (wildcards expanded); reports the ones that do not exist.</summary>
    private List<ProbeCatalog.Tracepoints.TracepointName> ResolveTracepoints(ProbeSyntax probe, ImmutableArray<AttachPoint> points)
    {
        var events = new List<ProbeCatalog.Tracepoints.TracepointName>();
        // Probes without tracepoints, and tracepoints named in full whose format can be read, must not load the
        // catalog's tracepoint list (all of tracefs's available_events: ~2,300 names, ~5 MB allocated to sort them,
        // ~6 ms of a 25 ms compile).
        if (!points.Any(p => p.Provider == ProbeProviderKind.Tracepoint) || Catalog is not { } catalog)
        {
            return events;
        }

        foreach (var point in points.Where(p => p.Provider == ProbeProviderKind.Tracepoint))
        {
            var syntax = probe.AttachPoints.FirstOrDefault(a => a.Span == point.Span) ?? (SyntaxNode)probe;
            if (!point.HasWildcard)
            {
                var single = new ProbeCatalog.Tracepoints.TracepointName(point.Target!, point.Function!);
                // ftrace's internal events have formats but cannot be attached (available_events leaves them out).
                if (point.Target != "ftrace" && catalog.GetTracepoint(point.Target!, point.Function!) is not null)
                {
                    events.Add(single);
                }
                else if (catalog.Tracepoints.Count == 0)
                {
                    // No tracepoint list at all (no tracefs): nothing to check against.
                }
                else if (TracepointSet(catalog.Tracepoints).Contains(single))
                {
                    events.Add(single);
                }
                else
                {
                    Report(Diagnostic.Create(SemanticDiagnostics.UnknownTracepoint, Loc(syntax), $"tracepoint not found: {point.Target}:{point.Function}")
                        .WithHint("btlang -l 'tracepoint:*' lists the tracepoints of this kernel"));
                }

                continue;
            }

            if (catalog.Tracepoints.Count == 0)
            {
                continue;
            }

            var category = ProbeCatalog.Wildcards.WildcardPattern.Parse(point.Target!);
            var name = ProbeCatalog.Wildcards.WildcardPattern.Parse(point.Function!);
            int before = events.Count;
            foreach (var tracepoint in catalog.Tracepoints)
            {
                if (category.IsMatch(tracepoint.Category) && name.IsMatch(tracepoint.Name))
                {
                    events.Add(tracepoint);
                }
            }

            if (events.Count == before)
            {
                Report(SemanticDiagnostics.WildcardMatchesNothing, syntax, point.Text);
            }
        }

        return events;
    }

    /// <summary>The catalog's tracepoint list as a set, made once per list (a linear search per probe added up).</summary>
    private static HashSet<ProbeCatalog.Tracepoints.TracepointName> TracepointSet(IReadOnlyList<ProbeCatalog.Tracepoints.TracepointName> names) =>
        TracepointSets.GetValue(names, n => new HashSet<ProbeCatalog.Tracepoints.TracepointName>(n));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<ProbeCatalog.Tracepoints.TracepointName>, HashSet<ProbeCatalog.Tracepoints.TracepointName>> TracepointSets = new();

    private static bool ProgramTypeCompatible(ProbeProviderKind a, ProbeProviderKind b)
    {
        static int Group(ProbeProviderKind p) => p switch
        {
            ProbeProviderKind.Begin or ProbeProviderKind.End => 0,
            ProbeProviderKind.Kprobe or ProbeProviderKind.Kretprobe or ProbeProviderKind.Uprobe or ProbeProviderKind.Uretprobe or ProbeProviderKind.Usdt => 1,
            ProbeProviderKind.Tracepoint => 2,
            ProbeProviderKind.RawTracepoint => 3,
            ProbeProviderKind.Profile or ProbeProviderKind.Interval or ProbeProviderKind.Software or ProbeProviderKind.Hardware or ProbeProviderKind.Watchpoint => 4,
            ProbeProviderKind.Fentry or ProbeProviderKind.Fexit => 5,
            _ => 10 + (int)p,
        };

        return a == b || Group(a) == Group(b) && Group(a) is 0 or 1 or 4 or 5;
    }

    /// <summary>True when the current probe's provider satisfies <paramref name="test"/> (or is unknown: no second error).</summary>
    private bool ProviderAllows(Func<ProbeProviderKind, bool> test) => _provider is not { } provider || test(provider);

    /// <summary>
    /// The C definitions (libclang) of the script and the scripts it imports, read once per binding; empty when none
    /// has any.
    /// </summary>
    private static CDefinitions.CDeclarations ReadCDefinitions(SyntaxTree tree, ImportSet imports, CompilationOptions options, out ImmutableArray<Diagnostic> diagnostics)
    {
        diagnostics = ImmutableArray<Diagnostic>.Empty;
        var roots = imports.Trees.IsEmpty ? [tree.GetRoot()] : imports.Trees.Select(t => t.GetRoot()).Prepend(tree.GetRoot()).ToList();
        var includeFiles = options.IncludeFiles.AddRange(imports == ImportSet.Empty ? ImportedHeaders(tree) : imports.Headers);
        if (!options.ReadCDefinitions || (!roots.Any(CDefinitions.CDeclarations.HasCParts) && includeFiles.IsEmpty))
        {
            return CDefinitions.CDeclarations.Empty;
        }

        var btf = (options.Catalog ?? ProbeCatalog.SystemProbeCatalog.Shared).KernelBtf;
        return CDefinitions.CDeclarations.Parse(
            roots,
            options.IncludeDirectories,
            includeFiles,
            btf is not null,
            btf is null ? null : (name, isUnion) => BtfTypeConverter.For(btf).FindStruct(name, isUnion),
            out diagnostics);
    }

    /// <summary>The probe catalog: the options' one, else the machine's (tracefs when readable, else the bundled list).</summary>
    private ProbeCatalog.IProbeCatalog? Catalog => _options.Catalog ?? ProbeCatalog.SystemProbeCatalog.Shared;

    private MapInfo GetMap(string name)
    {
        if (!_maps.TryGetValue(name, out var info))
        {
            info = new MapInfo(name);
            _maps[name] = info;
        }

        return info;
    }

    private void ReportUnassignedMaps()
    {
        // Reads of maps never assigned are reported where they are read (see BindMapRead).
    }

    // A node of an imported script is located in that script's file.
    private Location Loc(SyntaxNode node) => (node.SyntaxTree ?? _tree).GetLocation(node.Span);

    private Location Loc(SyntaxToken token) => (token.SyntaxTree ?? _tree).GetLocation(token.Span);

    private Location Loc(TextSpan span) => _tree.GetLocation(span);

    private void Report(DiagnosticDescriptor descriptor, SyntaxNode node, params object?[] args) => Report(descriptor, Loc(node), args);

    private void Report(DiagnosticDescriptor descriptor, SyntaxToken token, params object?[] args) => Report(descriptor, Loc(token), args);

    private void Report(DiagnosticDescriptor descriptor, Location location, params object?[] args) =>
        _diagnostics.Add(Diagnostic.Create(descriptor, location, args));

    private void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    private T Record<T>(SyntaxNode syntax, T bound)
        where T : BoundNode
    {
        _boundNodes[syntax] = bound;
        return bound;
    }
}
