namespace BtLang.Semantics.ProbeCatalog.Providers;

/// <summary>The probe-specific builtins a provider makes available.</summary>
[Flags]
public enum ProbeBuiltins
{
    None = 0,

    /// <summary><c>args</c> typed from a tracepoint format file or from BTF.</summary>
    Args = 1,

    /// <summary><c>retval</c>: the return value (return probes only).</summary>
    Retval = 2,

    /// <summary><c>arg0</c>..<c>argN</c>: raw register or raw-tracepoint arguments.</summary>
    ArgN = 4,

    /// <summary><c>func</c>: the traced function's name.</summary>
    Func = 8,

    /// <summary><c>args</c> only when the traced binary carries debug info (uprobes).</summary>
    ArgsFromDebugInfo = 16,
}
