using BtLang.Diagnostics;

namespace BtLang.Driver.LibBpf;

/// <summary>
/// Diagnostics of the libbpf layer and the attach layer (BT3100..BT3399): loading objects, attaching probes, kernel
/// features and privileges. Every message names the object, program or probe it is about; hints say what to do.
/// </summary>
public static class LibBpfDiagnostics
{
    // ---- objects and loading: BT3100..BT3109 ----
    public static readonly DiagnosticDescriptor ObjectOpenFailed = Error(
        "BT3100", "BPF object cannot be opened", "cannot open the BPF object '{0}': {1}");

    public static readonly DiagnosticDescriptor ProgramRejected = Error(
        "BT3101", "Verifier rejected a program", "the kernel verifier rejected the program for {0}: {1}");

    public static readonly DiagnosticDescriptor ObjectLoadFailed = Error(
        "BT3102", "BPF object cannot be loaded", "cannot load the BPF object '{0}': {1}");

    public static readonly DiagnosticDescriptor RingBufferFailed = Error(
        "BT3103", "Ring buffer cannot be created", "cannot read events from map '{0}': {1}");

    public static readonly DiagnosticDescriptor ProgramTestRunFailed = Error(
        "BT3104", "Program cannot be run", "cannot run the program for {0}: {1}");

    // ---- attaching: BT3110..BT3159 ----
    public static readonly DiagnosticDescriptor AttachFailed = Error(
        "BT3110", "Probe cannot be attached", "cannot attach {0}: {1}");

    public static readonly DiagnosticDescriptor TracepointNotFound = Error(
        "BT3111", "Tracepoint does not exist", "tracepoint not found: {0}");

    public static readonly DiagnosticDescriptor KprobesUnsupported = Error(
        "BT3112", "Kernel lacks kprobes", "kprobes are not supported by this kernel (CONFIG_KPROBES is off): cannot attach {0}");

    public static readonly DiagnosticDescriptor TracingProgramsUnsupported = Error(
        "BT3113", "Kernel lacks BPF tracing programs",
        "{0} probes are not supported by this kernel (BPF tracing programs (fentry/fexit/iter) are not available): cannot attach {1}");

    public static readonly DiagnosticDescriptor HardwareEventsUnsupported = Error(
        "BT3114", "Machine lacks a hardware PMU",
        "hardware events are not supported on this machine (no hardware PMU, e.g. inside a VM): cannot attach {0}");

    public static readonly DiagnosticDescriptor UprobeTargetNotFound = Error(
        "BT3115", "Uprobe target file does not exist", "cannot attach {0}: the file '{1}' does not exist");

    public static readonly DiagnosticDescriptor UprobeSymbolNotFound = Error(
        "BT3116", "Uprobe symbol does not exist", "cannot attach {0}: no symbol '{1}' in {2}");

    public static readonly DiagnosticDescriptor UsdtProbeNotFound = Error(
        "BT3117", "USDT probe does not exist", "cannot attach {0}: no USDT probe {1}:{2} in {3}");

    public static readonly DiagnosticDescriptor ProcessNotFound = Error(
        "BT3118", "Target process does not exist", "cannot attach {0}: process {1} does not exist");

    public static readonly DiagnosticDescriptor WatchpointNeedsProcess = Error(
        "BT3119", "Watchpoint without a process", "cannot attach {0}: watchpoints watch the memory of one process");

    public static readonly DiagnosticDescriptor UnknownPerfEvent = Error(
        "BT3120", "Unknown perf event", "unknown {0} event '{1}' in {2}");

    public static readonly DiagnosticDescriptor RawTracepointNotFound = Error(
        "BT3121", "Raw tracepoint does not exist", "raw tracepoint not found: {0}");

    public static readonly DiagnosticDescriptor InvalidAttachPoint = Error(
        "BT3122", "Invalid attach point", "invalid attach point {0}: {1}");

    public static readonly DiagnosticDescriptor BreakpointSlotsExhausted = Error(
        "BT3123", "No free hardware breakpoint", "cannot attach {0}: no free hardware breakpoint slot (the CPU has only a few)");

    public static readonly DiagnosticDescriptor ProbeSkipped = Warning(
        "BT3124", "Missing probe skipped", "{0}; skipping it");

    public static readonly DiagnosticDescriptor ProviderNotAttachable = Error(
        "BT3125", "Probe kind not attachable here", "{0} probes are run by the runtime and are not attached: {1}");

    public static readonly DiagnosticDescriptor DetachFailed = Warning(
        "BT3126", "Probe detach failed", "detaching {0} failed: {1}");

    public static readonly DiagnosticDescriptor PerfEventFailed = Error(
        "BT3127", "perf event cannot be opened", "cannot attach {0}: perf_event_open on CPU {1} failed: {2}");

    // ---- environment: BT3160..BT3199 ----
    public static readonly DiagnosticDescriptor MissingPrivilege = Error(
        "BT3160", "Missing privileges", "btlang must run as root: this process lacks {0}");

    public static readonly DiagnosticDescriptor TracefsUnavailable = Error(
        "BT3161", "tracefs unavailable", "tracefs is not available at {0} and mounting it failed: {1}");

    public static readonly DiagnosticDescriptor TracefsMounted = Info(
        "BT3162", "tracefs mounted", "tracefs was not mounted; mounted it at {0}");

    public static readonly DiagnosticDescriptor BtfMissing = Warning(
        "BT3163", "Kernel BTF missing", "kernel BTF is not available ({0} is missing): struct types and rawtracepoint arguments cannot be resolved");

    public static readonly DiagnosticDescriptor LibBpfMissing = Error(
        "BT3164", "libbpf missing", "cannot load libbpf.so.1 ({0}): install the Debian package libbpf1 (apt-get install libbpf1)");

    public static readonly DiagnosticDescriptor LinkFailed = Error(
        "BT3166", "Linking imported BPF C objects failed", "cannot link the script with its imported BPF C files: {0}");

    public static readonly DiagnosticDescriptor KernelBtfRequired = Error(
        "BT3165", "Kernel BTF required", "this script uses kernel types, which come from kernel BTF, but kernel BTF is not available ({0})");

    private static DiagnosticDescriptor Error(string id, string title, string format) =>
        new(id, DiagnosticSeverity.Error, title, format);

    private static DiagnosticDescriptor Warning(string id, string title, string format) =>
        new(id, DiagnosticSeverity.Warning, title, format);

    private static DiagnosticDescriptor Info(string id, string title, string format) =>
        new(id, DiagnosticSeverity.Info, title, format);
}
