using System.Text;

namespace BtLang.Driver.Attach;

/// <summary>
/// Prints <see cref="KernelFeatures"/> the way <c>bpftrace --info</c> (0.17) does, so that harnesses written for
/// bpftrace can gate tests on lines such as <c>btf: yes</c> and <c>Loop support: yes</c>. Values are what this
/// kernel can really do (kprobe says no when kprobes cannot be attached). A few lines bpftrace lacks are added
/// at the end of their sections.
/// </summary>
public static class KernelFeaturesFormatter
{
    public static string Format(KernelFeatures features, string toolVersion, string llvmVersion, string libBpfVersion)
    {
        var text = new StringBuilder();
        text.Append("System\n");
        text.Append("  OS: Linux ").Append(features.KernelRelease).Append(' ').Append(features.KernelVersion).Append('\n');
        text.Append("  Arch: ").Append(features.Architecture).Append('\n');
        text.Append('\n');

        text.Append("Build\n");
        Line(text, "version", toolVersion);
        Line(text, "LLVM", llvmVersion);
        Line(text, "unsafe uprobe", false);
        Line(text, "bfd", false);
        Line(text, "libdw (DWARF support)", false);
        Line(text, "libbpf", libBpfVersion);
        text.Append('\n');

        text.Append("Kernel helpers\n");
        Line(text, "probe_read", features.ProbeRead);
        Line(text, "probe_read_str", features.ProbeReadStr);
        Line(text, "probe_read_user", features.ProbeReadUser);
        Line(text, "probe_read_user_str", features.ProbeReadUserStr);
        Line(text, "probe_read_kernel", features.ProbeReadKernel);
        Line(text, "probe_read_kernel_str", features.ProbeReadKernelStr);
        Line(text, "get_current_cgroup_id", features.GetCurrentCgroupId);
        Line(text, "send_signal", features.SendSignal);
        Line(text, "override_return", features.OverrideReturn);
        Line(text, "get_boot_ns", features.GetBootNs);
        Line(text, "dpath", features.DPath);
        Line(text, "skboutput", features.SkbOutput);
        Line(text, "get_func_ip", features.GetFuncIp);
        Line(text, "jiffies64", features.JiffiesHelper);
        text.Append('\n');

        text.Append("Kernel features\n");
        Line(text, "Instruction limit", features.InstructionLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Line(text, "Loop support", features.LoopSupport);
        Line(text, "btf", features.Btf);
        Line(text, "map batch", features.MapBatch);
        Line(text, "uprobe refcount (depends on Build:bcc bpf_attach_uprobe refcount)", features.UprobeRefCount);
        Line(text, "ring buffer", features.RingBufferMap);
        text.Append('\n');

        text.Append("Map types\n");
        Line(text, "hash", features.HashMap);
        Line(text, "percpu hash", features.PerCpuHashMap);
        Line(text, "array", features.ArrayMap);
        Line(text, "percpu array", features.PerCpuArrayMap);
        Line(text, "stack_trace", features.StackTraceMap);
        Line(text, "perf_event_array", features.PerfEventArrayMap);
        Line(text, "ringbuf", features.RingBufferMap);
        text.Append('\n');

        text.Append("Probe types\n");
        Line(text, "kprobe", features.KprobeProgramType && features.Kprobes);
        Line(text, "tracepoint", features.Tracepoints);
        Line(text, "perf_event", features.PerfEvents);
        Line(text, "kfunc", features.TracingPrograms);
        Line(text, "iter:task", features.Iterators);
        Line(text, "iter:task_file", features.Iterators);
        Line(text, "kprobe_multi", false);
        Line(text, "raw_tp_special", features.RawTracepoints);
        Line(text, "uprobe", features.Uprobes);
        Line(text, "hardware", features.HardwarePmu);
        Line(text, "watchpoint", features.Breakpoints);
        return text.ToString();
    }

    private static void Line(StringBuilder text, string name, bool value) => Line(text, name, value ? "yes" : "no");

    private static void Line(StringBuilder text, string name, string value) =>
        text.Append("  ").Append(name).Append(": ").Append(value).Append('\n');
}
