namespace BtLang.Semantics.Configuration;

/// <summary>What to do when an attach point matches nothing or fails to attach (config <c>missing_probes</c>).</summary>
public enum MissingProbesMode
{
    /// <summary><c>ignore</c>: skip it silently.</summary>
    Ignore,

    /// <summary><c>warn</c> (the default): skip it with a warning.</summary>
    Warn,

    /// <summary><c>error</c>: fail.</summary>
    Error,
}
