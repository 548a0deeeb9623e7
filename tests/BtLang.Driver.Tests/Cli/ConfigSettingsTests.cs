using System.Collections.Immutable;
using BtLang.Driver.Cli;
using BtLang.Semantics.Configuration;

namespace BtLang.Driver.Tests.Cli;

public sealed class ConfigSettingsTests
{
    private static ConfigSettings FromEnvironment(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        var settings = ConfigSettings.FromEnvironment(
            name => map.TryGetValue(name, out var value) ? value : null, out var errors, out var warnings);
        Assert.Empty(errors);
        Assert.Empty(warnings);
        return settings;
    }

    private static ImmutableArray<ConfigError> EnvironmentErrors(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        ConfigSettings.FromEnvironment(name => map.TryGetValue(name, out var value) ? value : null, out var errors, out _);
        return errors;
    }

    private static ConfigSettings Apply(ConfigSettings settings, out ImmutableArray<ConfigError> errors, params (string Key, string Value)[] entries) =>
        settings.ApplyScriptConfig(entries.Select(e => KeyValuePair.Create(e.Key, e.Value)).ToList(), out errors);

    [Fact]
    public void DefaultsAreBpftraces()
    {
        var d = ConfigSettings.Default;
        Assert.Equal(1024UL, d.MaxStrlen);
        Assert.Equal(4096UL, d.MaxMapKeys);
        Assert.Equal(1024UL, d.MaxProbes);
        Assert.Equal(1024UL, d.MaxBpfProgs);
        Assert.Equal(10240UL, d.MaxCatBytes);
        Assert.Equal(1_000_000UL, d.LogSize);
        Assert.Equal(64UL, d.PerfRbPages);
        Assert.Equal(32UL, d.OnStackLimit);
        Assert.True(d.CppDemangle);
        Assert.True(d.PrintMapsOnExit);
        Assert.Equal(StackMode.Bpftrace, d.StackMode);
        Assert.Equal(MissingProbesMode.Warn, d.MissingProbes);
        Assert.Equal(UserSymbolCacheMode.Auto, d.UserSymbolCache);
        Assert.Equal("GPL", d.License);
        Assert.Equal("..", d.StrTruncTrailer);
        Assert.Equal(ColorMode.Auto, d.Color);
        Assert.Null(d.Btf);
        Assert.Empty(d.SetByEnvironment);
        Assert.Empty(d.UnstableFeatures);
    }

    [Fact]
    public void EmptyEnvironmentGivesTheDefaults() => Assert.Equal(ConfigSettings.Default, FromEnvironment());

    [Fact]
    public void EveryVariableFromTheEnvironment()
    {
        var s = FromEnvironment(
            ("BPFTRACE_MAX_STRLEN", "64"), ("BPFTRACE_MAX_MAP_KEYS", "2"), ("BPFTRACE_MAX_PROBES", "9"),
            ("BPFTRACE_MAX_BPF_PROGS", "8"), ("BPFTRACE_LOG_SIZE", "0x100"), ("BPFTRACE_PERF_RB_PAGES", "16"),
            ("BPFTRACE_MAX_CAT_BYTES", "1_000"), ("BPFTRACE_ON_STACK_LIMIT", "0"),
            ("BPFTRACE_STACK_MODE", "perf"), ("BPFTRACE_MISSING_PROBES", "error"),
            ("BPFTRACE_CACHE_USER_SYMBOLS", "PER_PROGRAM"), ("BPFTRACE_CPP_DEMANGLE", "false"),
            ("BPFTRACE_PRINT_MAPS_ON_EXIT", "0"), ("BPFTRACE_LAZY_SYMBOLICATION", "0"),
            ("BPFTRACE_SHOW_DEBUG_INFO", "0"), ("BPFTRACE_USE_BLAZESYM", "0"), ("BPFTRACE_LICENSE", "Dual BSD/GPL"),
            ("BPFTRACE_STR_TRUNC_TRAILER", "~"), ("BPFTRACE_UNSTABLE_MAP_DECL", "enable"),
            ("BPFTRACE_BTF", "/b.btf"), ("BPFTRACE_VMLINUX", "/vmlinux"), ("BPFTRACE_KERNEL_SOURCE", "/src"),
            ("BPFTRACE_KERNEL_BUILD", "/build"), ("BPFTRACE_COLOR", "never"), ("BPFTRACE_NO_USER_SYMBOLS", "1"));
        Assert.Equal(64UL, s.MaxStrlen);
        Assert.Equal(2UL, s.MaxMapKeys);
        Assert.Equal(9UL, s.MaxProbes);
        Assert.Equal(8UL, s.MaxBpfProgs);
        Assert.Equal(256UL, s.LogSize);
        Assert.Equal(16UL, s.PerfRbPages);
        Assert.Equal(1000UL, s.MaxCatBytes);
        Assert.Equal(0UL, s.OnStackLimit);
        Assert.Equal(StackMode.Perf, s.StackMode);
        Assert.Equal(MissingProbesMode.Error, s.MissingProbes);
        Assert.Equal(UserSymbolCacheMode.PerProgram, s.UserSymbolCache);
        Assert.False(s.CppDemangle);
        Assert.False(s.PrintMapsOnExit);
        Assert.False(s.LazySymbolication);
        Assert.False(s.ShowDebugInfo);
        Assert.False(s.UseBlazesym);
        Assert.Equal("Dual BSD/GPL", s.License);
        Assert.Equal("~", s.StrTruncTrailer);
        Assert.Equal(UnstableFeatureMode.Enable, s.UnstableFeatures["map_decl"]);
        Assert.Equal("/b.btf", s.Btf);
        Assert.Equal("/vmlinux", s.Vmlinux);
        Assert.Equal("/src", s.KernelSource);
        Assert.Equal("/build", s.KernelBuild);
        Assert.Equal(ColorMode.Never, s.Color);
        Assert.True(s.NoUserSymbols);
        Assert.Contains("max_strlen", s.SetByEnvironment);
        Assert.Contains("unstable_map_decl", s.SetByEnvironment);
        Assert.Contains("stack_mode", s.SetByEnvironment);
    }

    [Fact]
    public void LegacyNamesOfBpftrace017()
    {
        var s = FromEnvironment(
            ("BPFTRACE_STRLEN", "4"), ("BPFTRACE_MAP_KEYS_MAX", "2"), ("BPFTRACE_CAT_BYTES_MAX", "7"),
            ("BPFTRACE_NO_CPP_DEMANGLE", "1"));
        Assert.Equal(4UL, s.MaxStrlen);
        Assert.Equal(2UL, s.MaxMapKeys);
        Assert.Equal(7UL, s.MaxCatBytes);
        Assert.False(s.CppDemangle);
        Assert.Contains("cpp_demangle", s.SetByEnvironment);
        Assert.Contains("max_strlen", s.SetByEnvironment);
    }

    [Fact]
    public void BtlangPrefixWinsOverBpftrace()
    {
        Assert.Equal(8UL, FromEnvironment(("BPFTRACE_MAX_STRLEN", "4"), ("BTLANG_MAX_STRLEN", "8")).MaxStrlen);
        Assert.Equal(8UL, FromEnvironment(("BPFTRACE_MAX_STRLEN", "4"), ("BTLANG_STRLEN", "8")).MaxStrlen);
        Assert.Equal(ColorMode.Always, FromEnvironment(("BPFTRACE_COLOR", "never"), ("BTLANG_COLOR", "always")).Color);
    }

    [Fact]
    public void CurrentNameWinsOverLegacyName() =>
        Assert.Equal(16UL, FromEnvironment(("BPFTRACE_STRLEN", "4"), ("BPFTRACE_MAX_STRLEN", "16")).MaxStrlen);

    [Theory]
    [InlineData("BPFTRACE_MAX_STRLEN", "abc", "BPFTRACE_MAX_STRLEN: expecting a number, got abc")]
    [InlineData("BTLANG_MAX_MAP_KEYS", "-1", "BTLANG_MAX_MAP_KEYS: expecting a number, got -1")]
    [InlineData("BPFTRACE_STRLEN", "", "BPFTRACE_STRLEN: expecting a number, got ")]
    [InlineData("BPFTRACE_PERF_RB_PAGES", "0", "BPFTRACE_PERF_RB_PAGES: must be at least 1, got 0")]
    [InlineData("BPFTRACE_LOG_SIZE", "99999999999999999999999", "BPFTRACE_LOG_SIZE: expecting a number, got 99999999999999999999999")]
    [InlineData("BPFTRACE_CPP_DEMANGLE", "maybe", "BPFTRACE_CPP_DEMANGLE: Invalid bool value: valid values are true, false, 1 or 0.")]
    [InlineData("BPFTRACE_STACK_MODE", "pretty", "BPFTRACE_STACK_MODE: Invalid value for stack_mode: valid values are bpftrace, perf, and raw.")]
    [InlineData("BPFTRACE_MISSING_PROBES", "x", "BPFTRACE_MISSING_PROBES: Invalid value for missing_probes: valid values are ignore, warn, and error.")]
    [InlineData("BPFTRACE_CACHE_USER_SYMBOLS", "x", "BPFTRACE_CACHE_USER_SYMBOLS: Invalid value for cache_user_symbols: valid values are PER_PID, PER_PROGRAM, and NONE.")]
    public void BadEnvironmentValues(string name, string value, string message)
    {
        var error = Assert.Single(EnvironmentErrors((name, value)));
        Assert.Equal(message, error.Message);
        Assert.Equal(name, error.Key);
        Assert.Equal(-1, error.EntryIndex);
        Assert.Equal("BT3510", error.Descriptor.Id);
    }

    [Fact]
    public void EveryBadVariableIsReported() =>
        Assert.Equal(2, EnvironmentErrors(("BPFTRACE_MAX_STRLEN", "x"), ("BPFTRACE_MAX_PROBES", "y")).Length);

    [Fact]
    public void ScriptConfigApplies()
    {
        var s = Apply(ConfigSettings.Default, out var errors,
            ("max_strlen", "100"), ("stack_mode", "raw"), ("print_maps_on_exit", "false"),
            ("BPFTRACE_MAX_MAP_KEYS", "5"), ("Missing_Probes", "ignore"), ("str_trunc_trailer", "..."),
            ("unstable_import", "warn"), ("cache_user_symbols", "NONE"), ("btlang_max_probes", "3"));
        Assert.Empty(errors);
        Assert.Equal(100UL, s.MaxStrlen);
        Assert.Equal(StackMode.Raw, s.StackMode);
        Assert.False(s.PrintMapsOnExit);
        Assert.Equal(5UL, s.MaxMapKeys);
        Assert.Equal(MissingProbesMode.Ignore, s.MissingProbes);
        Assert.Equal("...", s.StrTruncTrailer);
        Assert.Equal(UnstableFeatureMode.Warn, s.UnstableFeatures["import"]);
        Assert.Equal(UserSymbolCacheMode.None, s.UserSymbolCache);
        Assert.Equal(3UL, s.MaxProbes);
        Assert.Empty(s.SetByEnvironment);
        Assert.Equal(1024UL, ConfigSettings.Default.MaxStrlen);
    }

    [Fact]
    public void EnvironmentWinsOverScriptConfig()
    {
        var environment = FromEnvironment(("BPFTRACE_MAX_STRLEN", "64"), ("BPFTRACE_STACK_MODE", "perf"));
        var s = Apply(environment, out var errors, ("max_strlen", "100"), ("stack_mode", "raw"), ("max_map_keys", "7"));
        Assert.Empty(errors);
        Assert.Equal(64UL, s.MaxStrlen);
        Assert.Equal(StackMode.Perf, s.StackMode);
        Assert.Equal(7UL, s.MaxMapKeys);
    }

    [Fact]
    public void LegacyEnvironmentNameAlsoWinsOverScriptConfig()
    {
        var environment = FromEnvironment(("BPFTRACE_STRLEN", "8"), ("BPFTRACE_NO_CPP_DEMANGLE", "1"));
        var s = Apply(environment, out var errors, ("max_strlen", "100"), ("cpp_demangle", "true"));
        Assert.Empty(errors);
        Assert.Equal(8UL, s.MaxStrlen);
        Assert.False(s.CppDemangle);
    }

    [Fact]
    public void LaterScriptEntryWins() =>
        Assert.Equal(3UL, Apply(ConfigSettings.Default, out _, ("max_strlen", "2"), ("max_strlen", "3")).MaxStrlen);

    [Fact]
    public void ScriptConfigErrorsCarryTheirEntry()
    {
        var s = Apply(ConfigSettings.Default, out var errors,
            ("max_strlen", "abc"),
            ("max_map_keys", "9"),
            ("strlen", "10"),
            ("no_cpp_demangle", "1"),
            ("btf", "/x"),
            ("BPFTRACE_COLOR", "never"),
            ("frobnicate", "1"),
            ("license", "MIT"),
            ("stack_mode", "pretty"));
        Assert.Equal(9UL, s.MaxMapKeys);
        Assert.Equal(1024UL, s.MaxStrlen);
        Assert.Collection(errors,
            e => AssertError(e, 0, "BT3512", "max_strlen: expecting a number, got abc"),
            e => AssertError(e, 2, "BT3514", "strlen: key has been renamed to 'max_strlen'"),
            e => AssertError(e, 3, "BT3514", "no_cpp_demangle: key has been renamed to 'cpp_demangle'"),
            e => AssertError(e, 4, "BT3515", "btf: can only be set as an environment variable"),
            e => AssertError(e, 5, "BT3515", "BPFTRACE_COLOR: can only be set as an environment variable"),
            e => AssertError(e, 6, "BT3513", "frobnicate: not a known configuration option"),
            e => AssertError(e, 7, "BT3512",
                "license: Invalid value for license. Found: MIT. Valid values: GPL, GPL v2, GPL and additional rights, " +
                "Dual BSD/GPL, Dual MIT/GPL, Dual MPL/GPL"),
            e => AssertError(e, 8, "BT3512", "stack_mode: Invalid value for stack_mode: valid values are bpftrace, perf, and raw."));
    }

    private static void AssertError(ConfigError error, int index, string id, string message)
    {
        Assert.Equal(index, error.EntryIndex);
        Assert.Equal(id, error.Descriptor.Id);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void ApplyDoesNotChangeTheOriginal()
    {
        var original = FromEnvironment(("BPFTRACE_MAX_PROBES", "5"));
        Apply(original, out _, ("max_strlen", "1"), ("unstable_addr", "enable"));
        Assert.Equal(1024UL, original.MaxStrlen);
        Assert.Empty(original.UnstableFeatures);
    }

    [Fact]
    public void CompilerAppliesTheScriptBlockOnTheEnvironmentWithTheSameTable()
    {
        var environment = FromEnvironment(("BPFTRACE_MAX_STRLEN", "64"), ("BTLANG_STACK_MODE", "raw"));
        var tree = Syntax.SyntaxTree.ParseText(
            "config = { max_strlen = 100; max_map_keys = 7; missing_probes = ignore; stack_mode = perf; str_trunc_trailer = \"~\" }\nBEGIN { }");
        var compilation = Semantics.Compilation.Create(tree, new Semantics.CompilationOptions { Config = environment, ReadCDefinitions = false });
        Assert.DoesNotContain(compilation.GetDiagnostics(), d => d.IsError);
        var settings = compilation.Settings;
        Assert.Equal(64, settings.MaxStrlen); // the environment wins
        Assert.Equal("raw", settings.StackMode);
        Assert.Equal(7, settings.MaxMapKeys);
        Assert.Equal(MissingProbesMode.Ignore, settings.Config.MissingProbes);
        Assert.Equal("~", settings.StrTruncTrailer);
    }

    [Fact]
    public void CompilerReportsAConfigBlockErrorOnItsEntryWithTheTablesMessage()
    {
        const string source = "config = { max_map_keys = 7; strlen = 10 }\nBEGIN { }";
        var compilation = Semantics.Compilation.Create(Syntax.SyntaxTree.ParseText(source), new Semantics.CompilationOptions { ReadCDefinitions = false });
        var error = Assert.Single(compilation.GetDiagnostics(), d => d.IsError);
        Assert.Equal("BT1029", error.Id);
        Assert.Equal("strlen: key has been renamed to 'max_strlen'", error.Message);
        Assert.Equal("strlen = 10", source.Substring(error.Location.Span.Start, error.Location.Span.Length));
    }
}
