namespace BtLang.Driver.Attach;

/// <summary>
/// What to do when an attach point does not exist (no such tracepoint, symbol, USDT probe), like bpftrace's
/// <c>missing_probes</c> config. Other attach failures (kernel refusals) always stop the attach.
/// </summary>
public enum MissingProbePolicy
{
    /// <summary>Stop, detach what was attached, report the missing probe.</summary>
    Error,

    /// <summary>Skip it with a BT3124 warning.</summary>
    Warn,

    /// <summary>Skip it silently.</summary>
    Ignore,
}
