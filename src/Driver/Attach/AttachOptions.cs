namespace BtLang.Driver.Attach;

/// <summary>Settings of a <see cref="ProbeAttacher"/>.</summary>
public sealed record AttachOptions
{
    public static readonly AttachOptions Default = new();

    /// <summary>The traced process (<c>-p PID</c> or the <c>-c</c> child): scopes uprobes, USDT and watchpoints.</summary>
    public int? Pid { get; init; }

    public MissingProbePolicy MissingProbes { get; init; } = MissingProbePolicy.Error;

    /// <summary>Threads used to detach links in parallel (detaching waits for RCU grace periods, not for CPU).</summary>
    public int DetachParallelism { get; init; } = 64;

    /// <summary>The kernel's features; null means <see cref="KernelFeatures.Current"/>.</summary>
    public KernelFeatures? Features { get; init; }
}
