namespace BtLang.Semantics.Configuration;

/// <summary>How <c>kstack</c>/<c>ustack</c> print (config variable <c>stack_mode</c>).</summary>
public enum StackMode
{
    /// <summary><c>bpftrace</c> (the default).</summary>
    Bpftrace,

    /// <summary><c>perf</c>: perf's layout.</summary>
    Perf,

    /// <summary><c>raw</c>: addresses only.</summary>
    Raw,
}
