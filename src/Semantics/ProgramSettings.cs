using System.Collections.Immutable;

namespace BtLang.Semantics;

/// <summary>
/// The effective configuration of a program: bpftrace's config variables with their defaults, the script's
/// <c>config = { }</c> block applied, and the environment/command line winning over the script (as in bpftrace).
/// </summary>
public sealed record ProgramSettings
{
    public int MaxStrlen { get; init; } = 1024;

    public int MaxMapKeys { get; init; } = 4096;

    public int MaxProbes { get; init; } = 1024;

    public int MaxBpfProgs { get; init; } = 1024;

    public int MaxCatBytes { get; init; } = 10240;

    public int PerfRingBufferPages { get; init; } = 64;

    public int LogSize { get; init; } = 1000000;

    public string StackMode { get; init; } = "bpftrace";

    public string MissingProbes { get; init; } = "error";

    public bool PrintMapsOnExit { get; init; } = true;

    public bool CppDemangle { get; init; } = true;

    public bool CacheUserSymbols { get; init; } = true;

    public string StrTruncTrailer { get; init; } = "..";

    public string License { get; init; } = "GPL";

    /// <summary>Every setting by its bpftrace config name, for <c>config</c> blocks and environment variables.</summary>
    public static ImmutableArray<string> Names { get; } = ImmutableArray.Create(
        "max_strlen", "max_map_keys", "max_probes", "max_bpf_progs", "max_cat_bytes", "perf_rb_pages", "log_size",
        "stack_mode", "missing_probes", "print_maps_on_exit", "cpp_demangle", "cache_user_symbols", "str_trunc_trailer",
        "license", "lazy_symbolication", "on_stack_limit", "show_debug_info", "symbol_source", "unstable_map_decl",
        "unstable_macro", "unstable_import", "unstable_tseries", "unstable_addr");

    /// <summary>Applies one setting; returns an error message when the name or value is invalid.</summary>
    public ProgramSettings With(string name, string value, out string? error)
    {
        error = null;
        string normalized = name.Trim().ToLowerInvariant();
        bool TryInt(out int result)
        {
            if (int.TryParse(value.Replace("_", string.Empty, StringComparison.Ordinal), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out result) && result > 0)
            {
                return true;
            }

            return false;
        }

        bool TryBool(out bool result)
        {
            switch (value.Trim().ToLowerInvariant())
            {
                case "1" or "true" or "on" or "yes":
                    result = true;
                    return true;
                case "0" or "false" or "off" or "no":
                    result = false;
                    return true;
                default:
                    result = false;
                    return false;
            }
        }

        switch (normalized)
        {
            case "max_strlen" when TryInt(out int v): return this with { MaxStrlen = v };
            case "max_map_keys" when TryInt(out int v): return this with { MaxMapKeys = v };
            case "max_probes" when TryInt(out int v): return this with { MaxProbes = v };
            case "max_bpf_progs" when TryInt(out int v): return this with { MaxBpfProgs = v };
            case "max_cat_bytes" when TryInt(out int v): return this with { MaxCatBytes = v };
            case "perf_rb_pages" when TryInt(out int v): return this with { PerfRingBufferPages = v };
            case "log_size" when TryInt(out int v): return this with { LogSize = v };
            case "stack_mode" when value is "bpftrace" or "perf" or "raw" or "build_id": return this with { StackMode = value };
            case "missing_probes" when value is "error" or "warn" or "ignore": return this with { MissingProbes = value };
            case "print_maps_on_exit" when TryBool(out bool b): return this with { PrintMapsOnExit = b };
            case "cpp_demangle" when TryBool(out bool b): return this with { CppDemangle = b };
            case "cache_user_symbols" when TryBool(out bool b): return this with { CacheUserSymbols = b };
            case "str_trunc_trailer": return this with { StrTruncTrailer = value };
            case "license": return this with { License = value };
            case "lazy_symbolication" or "on_stack_limit" or "show_debug_info" or "symbol_source" or "unstable_map_decl" or "unstable_macro" or "unstable_import" or "unstable_tseries" or "unstable_addr":
                return this;
        }

        error = Names.Contains(normalized)
            ? $"Invalid value for {normalized}: {value}"
            : $"Unrecognized config variable: {name}";
        return this;
    }
}
