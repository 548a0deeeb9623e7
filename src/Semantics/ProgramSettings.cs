using BtLang.Semantics.Configuration;

namespace BtLang.Semantics;

/// <summary>
/// The effective configuration of a program, as the compiler and the emitter use it: <see cref="Config"/> (bpftrace's
/// config variables with their defaults, the environment's values, then the script's <c>config = { }</c> block,
/// where the environment wins as in bpftrace) seen through the types code generation needs. The variables, their
/// defaults and their parsing live in one table, <see cref="ConfigVariables"/>.
/// </summary>
public sealed record ProgramSettings
{
    /// <summary>bpftrace's defaults.</summary>
    public ProgramSettings()
        : this(ConfigSettings.Default)
    {
    }

    public ProgramSettings(ConfigSettings config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
    }

    /// <summary>Every variable, typed as the table parses it.</summary>
    public ConfigSettings Config { get; }

    public int MaxStrlen => ToInt(Config.MaxStrlen);

    public int MaxMapKeys => ToInt(Config.MaxMapKeys);

    public int MaxProbes => ToInt(Config.MaxProbes);

    public int MaxBpfProgs => ToInt(Config.MaxBpfProgs);

    public int MaxCatBytes => ToInt(Config.MaxCatBytes);

    public int PerfRingBufferPages => ToInt(Config.PerfRbPages);

    public int LogSize => ToInt(Config.LogSize);

    /// <summary><c>bpftrace</c>, <c>perf</c> or <c>raw</c>.</summary>
    public string StackMode => Config.StackMode.ToString().ToLowerInvariant();

    /// <summary><c>ignore</c>, <c>warn</c> or <c>error</c>.</summary>
    public string MissingProbes => Config.MissingProbes.ToString().ToLowerInvariant();

    public bool PrintMapsOnExit => Config.PrintMapsOnExit;

    public bool CppDemangle => Config.CppDemangle;

    public bool CacheUserSymbols => Config.UserSymbolCache != UserSymbolCacheMode.None;

    public string StrTruncTrailer => Config.StrTruncTrailer;

    public string License => Config.License;

    private static int ToInt(ulong value) => (int)Math.Min(value, int.MaxValue);
}
