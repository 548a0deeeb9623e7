using BtLang.Driver.LibBpf;

namespace BtLang.Driver.Attach;

/// <summary>
/// What this kernel supports, probed once per process (<see cref="Current"/>) like <c>bpftrace --info</c>.
/// <see cref="KernelFeaturesFormatter"/> prints it in bpftrace's wording.
/// </summary>
public sealed record KernelFeatures
{
    private static readonly Lazy<KernelFeatures> Cached = new(Probe, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The features of the running kernel, probed on first use.</summary>
    public static KernelFeatures Current => Cached.Value;

    // System
    public string KernelRelease { get; init; } = "";
    public string KernelVersion { get; init; } = "";
    public string Architecture { get; init; } = "";

    // Kernel helpers (probed for kprobe-type programs, as bpftrace does)
    public bool ProbeRead { get; init; }
    public bool ProbeReadStr { get; init; }
    public bool ProbeReadUser { get; init; }
    public bool ProbeReadUserStr { get; init; }
    public bool ProbeReadKernel { get; init; }
    public bool ProbeReadKernelStr { get; init; }
    public bool GetCurrentCgroupId { get; init; }
    public bool SendSignal { get; init; }
    public bool OverrideReturn { get; init; }
    public bool GetBootNs { get; init; }
    public bool DPath { get; init; }
    public bool SkbOutput { get; init; }
    public bool GetFuncIp { get; init; }
    public bool JiffiesHelper { get; init; }

    // Kernel features
    public int InstructionLimit { get; init; }
    public bool LoopSupport { get; init; }
    public bool Btf { get; init; }
    public bool MapBatch { get; init; }
    public bool UprobeRefCount { get; init; }

    // Map types
    public bool HashMap { get; init; }
    public bool PerCpuHashMap { get; init; }
    public bool ArrayMap { get; init; }
    public bool PerCpuArrayMap { get; init; }
    public bool StackTraceMap { get; init; }
    public bool PerfEventArrayMap { get; init; }
    public bool RingBufferMap { get; init; }

    // Probe types
    /// <summary>kprobe-type programs load (uprobes use them too).</summary>
    public bool KprobeProgramType { get; init; }

    /// <summary>Kprobes can be attached: CONFIG_KPROBES (kprobe PMU or tracefs kprobe_events).</summary>
    public bool Kprobes { get; init; }

    public bool Uprobes { get; init; }
    public bool Tracepoints { get; init; }
    public bool PerfEvents { get; init; }

    /// <summary>BPF_PROG_TYPE_TRACING: fentry/fexit (kfunc) and iterators.</summary>
    public bool TracingPrograms { get; init; }

    /// <summary>BPF iterators (iter:task, iter:task_file): tracing programs that need kernel BTF but no ftrace.</summary>
    public bool Iterators { get; init; }

    public bool RawTracepoints { get; init; }

    /// <summary>A hardware PMU (<c>/sys/bus/event_source/devices/cpu</c>) exists: hardware: probes can work.</summary>
    public bool HardwarePmu { get; init; }

    public bool Breakpoints { get; init; }

    /// <summary>Probes the running kernel (a few ms). Prefer <see cref="Current"/>.</summary>
    public static KernelFeatures Probe()
    {
        LibBpfLog.EnsureInstalled();
        const BpfProgramType Kprobe = BpfProgramType.Kprobe;
        bool tracing = BpfFeatureProbes.ProgramType(BpfProgramType.Tracing);
        bool kprobes = Directory.Exists("/sys/bus/event_source/devices/kprobe")
            || File.Exists("/sys/kernel/tracing/kprobe_events")
            || File.Exists("/sys/kernel/debug/tracing/kprobe_events");
        bool loops = BpfFeatureProbes.BoundedLoops();
        return new KernelFeatures
        {
            KernelRelease = ReadTrimmed("/proc/sys/kernel/osrelease"),
            KernelVersion = ReadTrimmed("/proc/sys/kernel/version"),
            Architecture = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture switch
            {
                System.Runtime.InteropServices.Architecture.X64 => "x86_64",
                System.Runtime.InteropServices.Architecture.Arm64 => "aarch64",
                var other => other.ToString().ToLowerInvariant(),
            },
            ProbeRead = BpfFeatureProbes.Helper(Kprobe, 4),
            ProbeReadStr = BpfFeatureProbes.Helper(Kprobe, 45),
            ProbeReadUser = BpfFeatureProbes.Helper(Kprobe, 112),
            ProbeReadUserStr = BpfFeatureProbes.Helper(Kprobe, 114),
            ProbeReadKernel = BpfFeatureProbes.Helper(Kprobe, 113),
            ProbeReadKernelStr = BpfFeatureProbes.Helper(Kprobe, 115),
            GetCurrentCgroupId = BpfFeatureProbes.Helper(Kprobe, 80),
            SendSignal = BpfFeatureProbes.Helper(Kprobe, 109),
            OverrideReturn = BpfFeatureProbes.Helper(Kprobe, 58),
            GetBootNs = BpfFeatureProbes.Helper(Kprobe, 125),
            DPath = tracing && BpfFeatureProbes.Helper(BpfProgramType.Tracing, 147),
            SkbOutput = tracing && BpfFeatureProbes.Helper(BpfProgramType.Tracing, 111),
            GetFuncIp = BpfFeatureProbes.Helper(Kprobe, 173),
            JiffiesHelper = BpfFeatureProbes.Helper(Kprobe, 118),
            InstructionLimit = loops ? 1_000_000 : 4096,
            LoopSupport = loops,
            Btf = File.Exists("/sys/kernel/btf/vmlinux"),
            MapBatch = BpfFeatureProbes.MapBatch(),
            UprobeRefCount = File.Exists("/sys/bus/event_source/devices/uprobe/format/ref_ctr_offset"),
            HashMap = BpfFeatureProbes.MapType(BpfMapType.Hash),
            PerCpuHashMap = BpfFeatureProbes.MapType(BpfMapType.PerCpuHash),
            ArrayMap = BpfFeatureProbes.MapType(BpfMapType.Array),
            PerCpuArrayMap = BpfFeatureProbes.MapType(BpfMapType.PerCpuArray),
            StackTraceMap = BpfFeatureProbes.MapType(BpfMapType.StackTrace),
            PerfEventArrayMap = BpfFeatureProbes.MapType(BpfMapType.PerfEventArray),
            RingBufferMap = BpfFeatureProbes.MapType(BpfMapType.RingBuffer),
            KprobeProgramType = BpfFeatureProbes.ProgramType(Kprobe),
            Kprobes = kprobes,
            Uprobes = Directory.Exists("/sys/bus/event_source/devices/uprobe")
                || File.Exists("/sys/kernel/tracing/uprobe_events"),
            Tracepoints = BpfFeatureProbes.ProgramType(BpfProgramType.Tracepoint),
            PerfEvents = BpfFeatureProbes.ProgramType(BpfProgramType.PerfEvent),
            TracingPrograms = tracing,
            Iterators = File.Exists("/sys/kernel/btf/vmlinux"),
            RawTracepoints = BpfFeatureProbes.ProgramType(BpfProgramType.RawTracepoint),
            HardwarePmu = Directory.Exists("/sys/bus/event_source/devices/cpu")
                || Directory.Exists("/sys/bus/event_source/devices/cpu_core"),
            Breakpoints = Directory.Exists("/sys/bus/event_source/devices/breakpoint"),
        };
    }

    private static string ReadTrimmed(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }
}
