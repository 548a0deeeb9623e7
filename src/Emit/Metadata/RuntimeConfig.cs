namespace BtLang.Emit.Metadata;

/// <summary>
/// Layout of the one-element config array (<c>btl_config</c>) the driver fills after loading and before attaching:
/// values BPF programs read at run time. All fields are u64 at the offsets below.
/// </summary>
public static class RuntimeConfig
{
    /// <summary>Boot-clock time (ns) when tracing started, for <c>elapsed</c>.</summary>
    public const int StartBootNsOffset = 0;

    /// <summary>Pid of the <c>-c</c> child (<c>cpid</c>), 0 if none.</summary>
    public const int ChildPidOffset = 8;

    /// <summary>Number of possible CPUs (<c>ncpus</c>).</summary>
    public const int CpuCountOffset = 16;

    /// <summary><c>-p</c> pid that every probe except BEGIN/END filters on, 0 for none.</summary>
    public const int TargetPidOffset = 24;

    /// <summary>
    /// Set to 1 once exit() ran, so probes stop producing events. The driver should poll it too: the exit event
    /// itself can be lost when the ring buffer is full (an event storm), and then this flag and
    /// <see cref="ExitCodeOffset"/> are the only record of the exit().
    /// </summary>
    public const int ExitingOffset = 32;

    /// <summary>The code given to the first exit() (written together with <see cref="ExitingOffset"/>).</summary>
    public const int ExitCodeOffset = 40;

    public const int Size = 64;
}
