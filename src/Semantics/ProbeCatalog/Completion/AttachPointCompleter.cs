using System.Collections.Immutable;
using System.Globalization;
using BtLang.Semantics.ProbeCatalog.Btf;
using BtLang.Semantics.ProbeCatalog.Elf;
using BtLang.Semantics.ProbeCatalog.Providers;
using BtLang.Semantics.ProbeCatalog.Wildcards;

namespace BtLang.Semantics.ProbeCatalog.Completion;

/// <summary>
/// Completes attach points for the language server from the catalog: providers, tracepoint categories and events
/// (with their fields as documentation), raw tracepoints, kernel functions, uprobe symbols of the named binary,
/// USDT probes, software/hardware events, profile/interval units and iterators. The segment under the cursor is
/// matched by prefix (or as a wildcard pattern if it contains one).
/// </summary>
public sealed class AttachPointCompleter
{
    private readonly IProbeCatalog _catalog;

    /// <summary>A completer over a catalog.</summary>
    public AttachPointCompleter(IProbeCatalog catalog) => _catalog = catalog;

    /// <summary>Completions for <paramref name="textBeforeCursor"/>, the attach point from its start to the cursor.</summary>
    public AttachPointCompletionResult Complete(string textBeforeCursor, int maxItems = 200)
    {
        var parts = textBeforeCursor.Split(':');
        int replaceStart = textBeforeCursor.LastIndexOf(':') + 1;
        string current = parts[^1];
        if (parts.Length == 1)
            return Finish(replaceStart, Providers(), current, maxItems);
        if (!ProbeProviders.TryGet(parts[0], out var provider))
            return AttachPointCompletionResult.Empty(replaceStart);

        IEnumerable<AttachPointCompletionItem> candidates = provider.Kind switch
        {
            ProbeProviderKind.Tracepoint when parts.Length == 2 => TracepointCategories(),
            ProbeProviderKind.Tracepoint when parts.Length == 3 => TracepointEvents(parts[1], current),
            ProbeProviderKind.RawTracepoint when parts.Length == 2 => RawTracepoints().Prepend(Item("vmlinux", AttachPointCompletionKind.Binary, "module", null)),
            ProbeProviderKind.RawTracepoint when parts.Length == 3 => RawTracepoints(),
            ProbeProviderKind.Kprobe or ProbeProviderKind.Kretprobe when parts.Length == 2 => KernelFunctions(current, withSignature: false),
            ProbeProviderKind.Fentry or ProbeProviderKind.Fexit when parts.Length == 2 => KernelFunctions(current, withSignature: true).Prepend(Item("vmlinux", AttachPointCompletionKind.Binary, "module", null)),
            ProbeProviderKind.Fentry or ProbeProviderKind.Fexit when parts.Length == 3 => KernelFunctions(current, withSignature: true),
            ProbeProviderKind.Uprobe or ProbeProviderKind.Uretprobe when parts.Length == 2 => Binaries(current),
            ProbeProviderKind.Uprobe or ProbeProviderKind.Uretprobe when parts.Length == 3 => UserFunctions(parts[1]),
            ProbeProviderKind.Usdt when parts.Length == 2 => Binaries(current),
            ProbeProviderKind.Usdt when parts.Length == 3 => UsdtProviders(parts[1]),
            ProbeProviderKind.Usdt when parts.Length == 4 => UsdtProbes(parts[1], parts[2]),
            ProbeProviderKind.Software when parts.Length == 2 => PerfEvents(_catalog.SoftwareEvents),
            ProbeProviderKind.Hardware when parts.Length == 2 => PerfEvents(_catalog.HardwareEvents),
            ProbeProviderKind.Profile when parts.Length == 2 => Units(["hz", "s", "ms", "us"]),
            ProbeProviderKind.Interval when parts.Length == 2 => Units(["s", "ms", "us", "hz"]),
            ProbeProviderKind.Iter when parts.Length == 2 => _catalog.Iterators.Select(i => Item(i, AttachPointCompletionKind.Iterator, "iterator", null)),
            _ => [],
        };
        return Finish(replaceStart, candidates, current, maxItems);
    }

    private static AttachPointCompletionResult Finish(int replaceStart, IEnumerable<AttachPointCompletionItem> candidates, string current, int maxItems)
    {
        Func<string, bool> matches = WildcardPattern.HasWildcards(current)
            ? WildcardPattern.Parse(current + "*").IsMatch
            : label => label.StartsWith(current, StringComparison.Ordinal);
        var items = ImmutableArray.CreateBuilder<AttachPointCompletionItem>();
        bool incomplete = false;
        foreach (var item in candidates)
        {
            if (!matches(item.Label))
                continue;
            if (items.Count >= maxItems)
            {
                incomplete = true;
                break;
            }
            items.Add(item);
        }
        return new AttachPointCompletionResult(replaceStart, items.ToImmutable(), incomplete);
    }

    private static AttachPointCompletionItem Item(string label, AttachPointCompletionKind kind, string? detail, string? documentation)
        => new(label, kind, detail, documentation);

    private static IEnumerable<AttachPointCompletionItem> Providers()
    {
        foreach (var provider in ProbeProviders.All)
        {
            foreach (var name in provider.AllNames)
                yield return Item(name, AttachPointCompletionKind.Provider, provider.Syntax, provider.Description);
        }
    }

    private IEnumerable<AttachPointCompletionItem> TracepointCategories()
        => _catalog.Tracepoints.Select(t => t.Category).Distinct()
            .Select(c => Item(c, AttachPointCompletionKind.TracepointCategory, "tracepoint category", null));

    private IEnumerable<AttachPointCompletionItem> TracepointEvents(string category, string prefix)
    {
        bool wildcard = WildcardPattern.HasWildcards(prefix);
        foreach (var tp in _catalog.Tracepoints)
        {
            if (tp.Category != category || (!wildcard && !tp.Name.StartsWith(prefix, StringComparison.Ordinal)))
                continue;
            // Field lists are read lazily, only for the items that survive the prefix filter (see Finish).
            yield return new LazyTracepointItem(_catalog, tp.Category, tp.Name).ToItem();
        }
    }

    private IEnumerable<AttachPointCompletionItem> RawTracepoints()
        => _catalog.RawTracepoints.Select(name => Item(name, AttachPointCompletionKind.RawTracepoint, "raw tracepoint", null));

    private IEnumerable<AttachPointCompletionItem> KernelFunctions(string prefix, bool withSignature)
    {
        var btf = withSignature ? _catalog.KernelBtf : null;
        foreach (var name in _catalog.KernelFunctions)
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal) && !WildcardPattern.HasWildcards(prefix))
                continue;
            string? detail = btf?.FindFunction(name) is { } signature ? FormatSignature(btf, signature) : "kernel function";
            yield return Item(name, AttachPointCompletionKind.KernelFunction, detail, null);
        }
    }

    private static string FormatSignature(BtfTypeTable btf, BtfFunctionSignature signature)
        => $"{btf.FormatType(signature.ReturnTypeId)} {signature.Name}({string.Join(", ", signature.Parameters.Select(p => btf.FormatDeclaration(p.TypeId, p.Name)))})";

    private static IEnumerable<AttachPointCompletionItem> Binaries(string current)
    {
        if (!current.StartsWith('/'))
        {
            foreach (var library in new[] { "libc", "libpthread", "libm", "libstdc++" })
                yield return Item(library, AttachPointCompletionKind.Binary, "library", null);
            yield break;
        }
        string directory = current.EndsWith('/') ? current : Path.GetDirectoryName(current) ?? "/";
        IEnumerable<string> entries;
        try
        {
            entries = Directory.Exists(directory) ? Directory.EnumerateFileSystemEntries(directory).Order(StringComparer.Ordinal).ToArray() : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            entries = [];
        }
        foreach (var entry in entries)
        {
            bool isDirectory = Directory.Exists(entry);
            yield return Item(isDirectory ? entry + "/" : entry, AttachPointCompletionKind.Binary, isDirectory ? "directory" : "file", null);
        }
    }

    private IEnumerable<AttachPointCompletionItem> UserFunctions(string binaryName)
    {
        if (ResolveBinary(binaryName) is not { } binary)
            return [];
        return binary.FunctionNames.Select(name => Item(name, AttachPointCompletionKind.UserFunction, Demangler.Demangle(name) ?? "function", null));
    }

    private IEnumerable<AttachPointCompletionItem> UsdtProviders(string binaryName)
    {
        if (ResolveBinary(binaryName) is not { } binary)
            return [];
        return binary.UsdtProbes.Select(p => p.Provider).Distinct().Order(StringComparer.Ordinal)
            .Select(p => Item(p, AttachPointCompletionKind.UsdtProvider, "USDT provider", null));
    }

    private IEnumerable<AttachPointCompletionItem> UsdtProbes(string binaryName, string provider)
    {
        if (ResolveBinary(binaryName) is not { } binary)
            return [];
        return binary.UsdtProbes.Where(p => p.Provider == provider).DistinctBy(p => p.Name).OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => Item(p.Name, AttachPointCompletionKind.UsdtProbe, $"{p.Arguments.Length} arguments", p.ArgumentText));
    }

    private ElfBinary? ResolveBinary(string name)
        => _catalog.ResolveBinary(name) is { } path && _catalog.TryGetBinary(path, out var binary, out _) ? binary : null;

    private static IEnumerable<AttachPointCompletionItem> PerfEvents(ImmutableArray<PerfEvents.PerfEventInfo> events)
    {
        foreach (var info in events)
        {
            string detail = string.Create(CultureInfo.InvariantCulture, $"default period {info.DefaultPeriod}");
            yield return Item(info.Name, AttachPointCompletionKind.PerfEvent, detail, info.Alias is null ? null : $"alias: {info.Alias}");
            if (info.Alias is not null)
                yield return Item(info.Alias, AttachPointCompletionKind.PerfEvent, detail, $"alias of {info.Name}");
        }
    }

    private static IEnumerable<AttachPointCompletionItem> Units(string[] units)
        => units.Select(u => Item(u, AttachPointCompletionKind.Unit, u == "hz" ? "frequency: events per second" : "period unit", null));

    private sealed record LazyTracepointItem(IProbeCatalog Catalog, string Category, string Name)
    {
        public AttachPointCompletionItem ToItem()
        {
            var tracepoint = Catalog.GetTracepoint(Category, Name);
            string? documentation = tracepoint is null ? null : string.Join("\n", tracepoint.Fields.Select(f => f.Declaration));
            string detail = tracepoint is null ? "tracepoint" : $"tracepoint, {tracepoint.Fields.Count()} fields";
            return new AttachPointCompletionItem(Name, AttachPointCompletionKind.TracepointEvent, detail, documentation);
        }
    }
}
