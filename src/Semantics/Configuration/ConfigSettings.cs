using System.Collections.Immutable;

namespace BtLang.Semantics.Configuration;

/// <summary>
/// bpftrace's configuration variables with bpftrace's defaults, as set by the environment
/// (<c>BTLANG_&lt;NAME&gt;</c>, then <c>BPFTRACE_&lt;NAME&gt;</c>) and later by the script's <c>config = { }</c> block.
/// An environment variable wins over the config block, as in bpftrace: <see cref="ApplyScriptConfig"/> skips keys
/// listed in <see cref="SetByEnvironment"/>. Immutable; every change returns a new object. Record equality compares
/// the two collections by reference, so compare settings field by field rather than with <c>==</c>.
/// </summary>
public sealed record ConfigSettings
{
    /// <summary>bpftrace's defaults, nothing set by the environment.</summary>
    public static ConfigSettings Default { get; } = new();

    /// <summary><c>cpp_demangle</c> (default true; <c>BPFTRACE_NO_CPP_DEMANGLE=1</c> clears it).</summary>
    public bool CppDemangle { get; init; } = true;

    /// <summary><c>lazy_symbolication</c> (default true).</summary>
    public bool LazySymbolication { get; init; } = true;

    /// <summary><c>print_maps_on_exit</c> (default true).</summary>
    public bool PrintMapsOnExit { get; init; } = true;

    /// <summary><c>show_debug_info</c> (default true).</summary>
    public bool ShowDebugInfo { get; init; } = true;

    /// <summary><c>use_blazesym</c> (default true; accepted for compatibility, BtLang has its own symbolizer).</summary>
    public bool UseBlazesym { get; init; } = true;

    /// <summary><c>log_size</c>: verifier log buffer in bytes (default 1000000).</summary>
    public ulong LogSize { get; init; } = 1_000_000;

    /// <summary><c>max_bpf_progs</c> (default 1024).</summary>
    public ulong MaxBpfProgs { get; init; } = 1024;

    /// <summary><c>max_cat_bytes</c>: bytes <c>cat()</c> reads (default 10240; legacy name <c>cat_bytes_max</c>).</summary>
    public ulong MaxCatBytes { get; init; } = 10240;

    /// <summary><c>max_map_keys</c> (default 4096; legacy name <c>map_keys_max</c>).</summary>
    public ulong MaxMapKeys { get; init; } = 4096;

    /// <summary><c>max_probes</c> (default 1024).</summary>
    public ulong MaxProbes { get; init; } = 1024;

    /// <summary><c>max_strlen</c>: bytes per string (default 1024; legacy name <c>strlen</c>).</summary>
    public ulong MaxStrlen { get; init; } = 1024;

    /// <summary><c>on_stack_limit</c>: largest value kept on the BPF stack, in bytes (default 32).</summary>
    public ulong OnStackLimit { get; init; } = 32;

    /// <summary><c>perf_rb_pages</c>: pages per CPU for the event buffer (default 64).</summary>
    public ulong PerfRbPages { get; init; } = 64;

    /// <summary><c>license</c> (default <c>GPL</c>).</summary>
    public string License { get; init; } = "GPL";

    /// <summary><c>str_trunc_trailer</c>: appended to truncated strings (default <c>..</c>).</summary>
    public string StrTruncTrailer { get; init; } = "..";

    /// <summary><c>missing_probes</c> (default warn).</summary>
    public MissingProbesMode MissingProbes { get; init; } = MissingProbesMode.Warn;

    /// <summary><c>stack_mode</c> (default bpftrace).</summary>
    public StackMode StackMode { get; init; } = StackMode.Bpftrace;

    /// <summary><c>cache_user_symbols</c> (default <see cref="UserSymbolCacheMode.Auto"/>).</summary>
    public UserSymbolCacheMode UserSymbolCache { get; init; } = UserSymbolCacheMode.Auto;

    /// <summary>The <c>unstable_*</c> variables that were set (key without the prefix, e.g. <c>map_decl</c>).
    /// A feature not in the map keeps the compiler's default.</summary>
    public ImmutableDictionary<string, UnstableFeatureMode> UnstableFeatures { get; init; } =
        ImmutableDictionary<string, UnstableFeatureMode>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Environment only: <c>BPFTRACE_BTF</c>, a BTF file to use instead of the kernel's.</summary>
    public string? Btf { get; init; }

    /// <summary>Environment only: <c>BPFTRACE_VMLINUX</c>, a vmlinux for kernel symbol resolution.</summary>
    public string? Vmlinux { get; init; }

    /// <summary>Environment only: <c>BPFTRACE_KERNEL_SOURCE</c>.</summary>
    public string? KernelSource { get; init; }

    /// <summary>Environment only: <c>BPFTRACE_KERNEL_BUILD</c>.</summary>
    public string? KernelBuild { get; init; }

    /// <summary>Environment only: <c>BPFTRACE_COLOR</c> (auto, always, never).</summary>
    public ColorMode Color { get; init; } = ColorMode.Auto;

    /// <summary>Environment only (bpftrace 0.17): <c>BPFTRACE_NO_USER_SYMBOLS</c>, no user symbol resolution.</summary>
    public bool NoUserSymbols { get; init; }

    /// <summary>Canonical keys (e.g. <c>max_strlen</c>, <c>unstable_map_decl</c>) set by the environment.</summary>
    public ImmutableHashSet<string> SetByEnvironment { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>
    /// Reads every variable from <paramref name="getVariable"/> (for each name: <c>BTLANG_</c> first, then
    /// <c>BPFTRACE_</c>; the current name before a legacy one such as <c>STRLEN</c>). Bad values are errors;
    /// an invalid <c>BPFTRACE_COLOR</c> is a warning and falls back to auto, as in bpftrace.
    /// </summary>
    public static ConfigSettings FromEnvironment(
        Func<string, string?> getVariable,
        out ImmutableArray<ConfigError> errors,
        out ImmutableArray<string> warnings) =>
        ConfigVariables.ReadEnvironment(getVariable, out errors, out warnings);

    /// <summary>
    /// Applies a script's <c>config = { key = value; ... }</c> block (values as written: <c>100</c>, <c>perf</c>,
    /// <c>true</c>, or a string literal's contents). Keys may carry the <c>BPFTRACE_</c>/<c>BTLANG_</c> prefix and any
    /// case. A key already set by the environment keeps the environment's value. Unknown keys, legacy names, keys
    /// that only the environment may set, and bad values are reported in <paramref name="errors"/> with the index of
    /// the entry, so that the compiler can place each one on its span.
    /// </summary>
    public ConfigSettings ApplyScriptConfig(
        IReadOnlyList<KeyValuePair<string, string>> entries,
        out ImmutableArray<ConfigError> errors)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var result = this;
        var found = ImmutableArray.CreateBuilder<ConfigError>();
        for (int i = 0; i < entries.Count; i++)
        {
            var (key, value) = entries[i];
            if (ConfigVariables.TryApplyScriptEntry(result, key, value, out var updated, out var error))
            {
                result = updated;
            }
            else
            {
                found.Add(error! with { EntryIndex = i });
            }
        }

        errors = found.ToImmutable();
        return result;
    }
}
