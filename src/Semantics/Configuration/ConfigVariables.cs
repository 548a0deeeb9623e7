using System.Collections.Immutable;
using System.Globalization;

namespace BtLang.Semantics.Configuration;

/// <summary>The table of bpftrace's configuration variables and the parsing of their values.</summary>
public static class ConfigVariables
{
    public const string BtlangPrefix = "BTLANG_";
    public const string BpftracePrefix = "BPFTRACE_";

    private static readonly string[] Licenses =
    [
        "GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL",
    ];

    private static readonly string[] UnstableFeatures =
    [
        "macro", "map_decl", "import", "import_statement", "tseries", "addr", "typeinfo",
    ];

    /// <summary>Every variable, config-block keys first, then the environment-only ones.</summary>
    public static ImmutableArray<ConfigVariable> All { get; } = Build();

    private static ImmutableArray<ConfigVariable> Build()
    {
        var list = ImmutableArray.CreateBuilder<ConfigVariable>();
        list.Add(Bool("cpp_demangle", null, (s, v) => s with { CppDemangle = v }));
        list.Add(Bool("lazy_symbolication", null, (s, v) => s with { LazySymbolication = v }));
        list.Add(Bool("print_maps_on_exit", null, (s, v) => s with { PrintMapsOnExit = v }));
        list.Add(Bool("show_debug_info", null, (s, v) => s with { ShowDebugInfo = v }));
        list.Add(Bool("use_blazesym", null, (s, v) => s with { UseBlazesym = v }));
        list.Add(Number("log_size", null, 1, (s, v) => s with { LogSize = v }));
        list.Add(Number("max_bpf_progs", null, 1, (s, v) => s with { MaxBpfProgs = v }));
        list.Add(Number("max_cat_bytes", "cat_bytes_max", 1, (s, v) => s with { MaxCatBytes = v }));
        list.Add(Number("max_map_keys", "map_keys_max", 1, (s, v) => s with { MaxMapKeys = v }));
        list.Add(Number("max_probes", null, 1, (s, v) => s with { MaxProbes = v }));
        list.Add(Number("max_strlen", "strlen", 1, (s, v) => s with { MaxStrlen = v }));
        list.Add(Number("on_stack_limit", null, 0, (s, v) => s with { OnStackLimit = v }));
        list.Add(Number("perf_rb_pages", null, 1, (s, v) => s with { PerfRbPages = v }));
        list.Add(new ConfigVariable("license", null, false, (s, text) =>
            Array.IndexOf(Licenses, text) >= 0
                ? (s with { License = text }, null)
                : (null, $"Invalid value for license. Found: {text}. Valid values: {string.Join(", ", Licenses)}")));
        list.Add(new ConfigVariable("str_trunc_trailer", null, false, (s, text) => (s with { StrTruncTrailer = text }, null)));
        list.Add(new ConfigVariable("missing_probes", null, false, (s, text) => text.ToLowerInvariant() switch
        {
            "ignore" => (s with { MissingProbes = MissingProbesMode.Ignore }, null),
            "warn" => (s with { MissingProbes = MissingProbesMode.Warn }, null),
            "error" => (s with { MissingProbes = MissingProbesMode.Error }, null),
            _ => (null, "Invalid value for missing_probes: valid values are ignore, warn, and error."),
        }));
        list.Add(new ConfigVariable("stack_mode", null, false, (s, text) => text.ToLowerInvariant() switch
        {
            "bpftrace" => (s with { StackMode = StackMode.Bpftrace }, null),
            "perf" => (s with { StackMode = StackMode.Perf }, null),
            "raw" => (s with { StackMode = StackMode.Raw }, null),
            _ => (null, "Invalid value for stack_mode: valid values are bpftrace, perf, and raw."),
        }));
        list.Add(new ConfigVariable("cache_user_symbols", null, false, (s, text) => text.ToLowerInvariant() switch
        {
            "1" => (s, null),
            "per_pid" => (s with { UserSymbolCache = UserSymbolCacheMode.PerPid }, null),
            "per_program" => (s with { UserSymbolCache = UserSymbolCacheMode.PerProgram }, null),
            "none" or "0" => (s with { UserSymbolCache = UserSymbolCacheMode.None }, null),
            _ => (null, "Invalid value for cache_user_symbols: valid values are PER_PID, PER_PROGRAM, and NONE."),
        }));
        foreach (var feature in UnstableFeatures)
        {
            list.Add(new ConfigVariable("unstable_" + feature, null, false, (s, text) =>
                ParseUnstable(text) is { } mode
                    ? (s with { UnstableFeatures = s.UnstableFeatures.SetItem(feature, mode) }, null)
                    : (null, "Invalid value for unstable config: valid values are enable, warn, and error.")));
        }

        // bpftrace 0.17's inverted spelling, read from the environment only.
        list.Add(new ConfigVariable("no_cpp_demangle", null, true, (s, text) =>
            ParseBool(text) is { } b ? (s with { CppDemangle = !b }, null) : (null, BoolError)));
        list.Add(new ConfigVariable("no_user_symbols", null, true, (s, text) =>
            ParseBool(text) is { } b ? (s with { NoUserSymbols = b }, null) : (null, BoolError)));
        list.Add(new ConfigVariable("btf", null, true, (s, text) => (s with { Btf = text }, null)));
        list.Add(new ConfigVariable("vmlinux", null, true, (s, text) => (s with { Vmlinux = text }, null)));
        list.Add(new ConfigVariable("kernel_source", null, true, (s, text) => (s with { KernelSource = text }, null)));
        list.Add(new ConfigVariable("kernel_build", null, true, (s, text) => (s with { KernelBuild = text }, null)));
        return list.ToImmutable();
    }

    private const string BoolError = "Invalid bool value: valid values are true, false, 1 or 0.";

    private static ConfigVariable Bool(string key, string? legacy, Func<ConfigSettings, bool, ConfigSettings> set) =>
        new(key, legacy, false, (s, text) => ParseBool(text) is { } b ? (set(s, b), null) : (null, BoolError));

    private static ConfigVariable Number(
        string key, string? legacy, ulong minimum, Func<ConfigSettings, ulong, ConfigSettings> set) =>
        new(key, legacy, false, (s, text) =>
        {
            if (!TryParseNumber(text, out ulong value))
            {
                return (null, $"expecting a number, got {text}");
            }

            return value < minimum ? (null, $"must be at least {minimum}, got {text}") : (set(s, value), null);
        });

    /// <summary>Parses a non-negative integer: decimal, or hexadecimal with <c>0x</c>; <c>_</c> may separate digits.</summary>
    public static bool TryParseNumber(string text, out ulong value)
    {
        var trimmed = text.Trim().Replace("_", string.Empty, StringComparison.Ordinal);
        if (trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return ulong.TryParse(trimmed.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
                && trimmed.Length > 2;
        }

        return ulong.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out value) && trimmed.Length > 0;
    }

    private static bool? ParseBool(string text) => text.Trim().ToLowerInvariant() switch
    {
        "1" or "true" => true,
        "0" or "false" => false,
        _ => null,
    };

    private static UnstableFeatureMode? ParseUnstable(string text) => text.Trim().ToLowerInvariant() switch
    {
        "enable" or "1" or "true" => UnstableFeatureMode.Enable,
        "warn" => UnstableFeatureMode.Warn,
        "error" or "0" or "false" => UnstableFeatureMode.Error,
        _ => null,
    };

    public static ConfigSettings ReadEnvironment(
        Func<string, string?> getVariable,
        out ImmutableArray<ConfigError> errors,
        out ImmutableArray<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var settings = ConfigSettings.Default;
        var errorList = ImmutableArray.CreateBuilder<ConfigError>();
        var setKeys = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var variable in All)
        {
            if (FindVariable(getVariable, variable) is not { } found)
            {
                continue;
            }

            var (updated, error) = variable.Apply(settings, found.Value);
            if (updated is null)
            {
                errorList.Add(new ConfigError(
                    -1, found.Name, ConfigDiagnostics.InvalidEnvironmentValue, $"{found.Name}: {error}"));
                continue;
            }

            settings = updated;
            setKeys.Add(variable.Key == "no_cpp_demangle" ? "cpp_demangle" : variable.Key);
        }

        var warningList = ImmutableArray.CreateBuilder<string>();
        if (FindVariable(getVariable, "COLOR") is { } color)
        {
            switch (color.Value)
            {
                case "auto":
                    break;
                case "always":
                    settings = settings with { Color = ColorMode.Always };
                    break;
                case "never":
                    settings = settings with { Color = ColorMode.Never };
                    break;
                default:
                    warningList.Add(
                        $"Invalid env value! The valid values of `{color.Name}` are [auto|always|never]. " +
                        $"The current value is {color.Value}!");
                    break;
            }
        }

        errors = errorList.ToImmutable();
        warnings = warningList.ToImmutable();
        return setKeys.Count == 0 ? settings : settings with { SetByEnvironment = setKeys.ToImmutable() };
    }

    /// <summary>BTLANG_ before BPFTRACE_; under one prefix, the current name before the legacy one.</summary>
    private static (string Name, string Value)? FindVariable(Func<string, string?> getVariable, ConfigVariable variable)
    {
        foreach (var prefix in (ReadOnlySpan<string>)[BtlangPrefix, BpftracePrefix])
        {
            if (Lookup(getVariable, prefix + variable.EnvironmentSuffix) is { } current)
            {
                return current;
            }

            if (variable.LegacyKey is { } legacy && Lookup(getVariable, prefix + legacy.ToUpperInvariant()) is { } old)
            {
                return old;
            }
        }

        return null;
    }

    private static (string Name, string Value)? FindVariable(Func<string, string?> getVariable, string suffix) =>
        Lookup(getVariable, BtlangPrefix + suffix) ?? Lookup(getVariable, BpftracePrefix + suffix);

    private static (string Name, string Value)? Lookup(Func<string, string?> getVariable, string name) =>
        getVariable(name) is { } value ? (name, value) : null;

    public static bool TryApplyScriptEntry(
        ConfigSettings settings, string key, string value, out ConfigSettings updated, out ConfigError? error)
    {
        updated = settings;
        error = null;
        var canonical = key.Trim().ToLowerInvariant();
        foreach (var prefix in (ReadOnlySpan<string>)["bpftrace_", "btlang_"])
        {
            if (canonical.StartsWith(prefix, StringComparison.Ordinal))
            {
                canonical = canonical[prefix.Length..];
                break;
            }
        }

        if (canonical == "no_cpp_demangle")
        {
            error = new ConfigError(0, key, ConfigDiagnostics.RenamedConfigKey,
                $"{key}: key has been renamed to 'cpp_demangle'");
            return false;
        }

        foreach (var variable in All)
        {
            if (variable.LegacyKey == canonical)
            {
                error = new ConfigError(0, key, ConfigDiagnostics.RenamedConfigKey,
                    $"{key}: key has been renamed to '{variable.Key}'");
                return false;
            }

            if (variable.Key != canonical)
            {
                continue;
            }

            if (variable.EnvironmentOnly)
            {
                error = new ConfigError(0, key, ConfigDiagnostics.EnvironmentOnlyConfigKey,
                    $"{key}: can only be set as an environment variable");
                return false;
            }

            if (settings.SetByEnvironment.Contains(variable.Key))
            {
                // The environment wins over the script, as in bpftrace.
                return true;
            }

            var (result, detail) = variable.Apply(settings, value);
            if (result is null)
            {
                error = new ConfigError(0, key, ConfigDiagnostics.InvalidConfigValue, $"{key}: {detail}");
                return false;
            }

            updated = result;
            return true;
        }

        error = canonical == "color"
            ? new ConfigError(0, key, ConfigDiagnostics.EnvironmentOnlyConfigKey,
                $"{key}: can only be set as an environment variable")
            : new ConfigError(0, key, ConfigDiagnostics.UnknownConfigKey, $"{key}: not a known configuration option");
        return false;
    }
}
