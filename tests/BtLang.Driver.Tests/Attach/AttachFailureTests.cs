using BtLang.Diagnostics;
using BtLang.Driver.Attach;
using BtLang.Driver.LibBpf;
using BtLang.Driver.Tests.Fixtures;
using BtLang.Emit.Metadata;

namespace BtLang.Driver.Tests.Attach;

/// <summary>Attach failures: one clear diagnostic naming the probe and the cause; nothing left attached.</summary>
public sealed class AttachFailureTests
{
    [RootFact]
    public void Kprobe_FailsWithOneLineNamingTheMissingKernelFeature()
    {
        Assert.False(KernelFeatures.Current.Kprobes, "this test expects a kernel without CONFIG_KPROBES");
        using var probes = ProbeObject.Load();
        using var capture = LibBpfLog.BeginCapture();
        foreach (var provider in new[] { "kprobe", "kretprobe" })
        {
            var point = new AttachPointMetadata { Text = $"{provider}:do_nanosleep", Function = "do_nanosleep" };
            var result = new ProbeAttacher().Attach(new AttachRequest(probes.Program("bt_kprobe"), provider, point));
            Assert.False(result.Succeeded);
            Assert.Equal("BT3112", result.Error!.Id);
            Assert.Equal($"kprobes are not supported by this kernel (CONFIG_KPROBES is off): cannot attach {provider}:do_nanosleep", result.Error.Message);
            Assert.DoesNotContain('\n', result.Error.Message);
        }

        // Going to libbpf directly also fails cleanly (no crash, no hang) with an errno.
        var link = probes.Program("bt_kprobe").TryAttachKprobe(false, "do_nanosleep", "kprobe:do_nanosleep", out int errno);
        Assert.Null(link);
        Assert.NotEqual(0, errno);
    }

    [RootFact]
    public void FentryAndHardware_FailWithTheirMissingFeature()
    {
        using var probes = ProbeObject.Load();
        var attacher = new ProbeAttacher();
        var fentry = attacher.Attach(new AttachRequest(probes.Program("bt_timer"), "fentry", new AttachPointMetadata { Text = "fentry:vfs_read", Function = "vfs_read" }));
        Assert.Equal("BT3113", fentry.Error!.Id);
        Assert.StartsWith("fentry probes are not supported by this kernel", fentry.Error.Message);

        var hardware = attacher.Attach(new AttachRequest(probes.Program("bt_timer"), "hardware", new AttachPointMetadata { Text = "hardware:cycles:1000000", Function = "cycles", Value = 1000000 }));
        Assert.Equal("BT3114", hardware.Error!.Id);
        Assert.Contains("no hardware PMU", hardware.Error.Message);

        // Even when told the PMU exists, perf_event_open's refusal becomes the same clear error.
        var optimistic = new ProbeAttacher(new AttachOptions { Features = KernelFeatures.Current with { HardwarePmu = true } });
        var forced = optimistic.Attach(new AttachRequest(probes.Program("bt_timer"), "hardware", new AttachPointMetadata { Text = "hardware:cycles:1000000", Function = "cycles", Value = 1000000 }));
        Assert.Equal("BT3114", forced.Error!.Id);
    }

    [RootFact]
    public void PartialAttach_DetachesWhatWasAttachedAndNamesTheFailingProbe()
    {
        using var probes = ProbeObject.Load();
        var requests = new List<AttachRequest>();
        foreach (var call in new[] { "getpid", "openat", "close", "getppid", "write", "gettid" })
        {
            requests.Add(new AttachRequest(probes.Program("bt_any_sys"), "tracepoint", Points.Tracepoint("syscalls", "sys_enter_" + call)));
        }

        requests.Add(new AttachRequest(probes.Program("bt_any_sys"), "tracepoint", Points.Tracepoint("syscalls", "sys_enter_no_such_call")));
        requests.Add(new AttachRequest(probes.Program("bt_any_sys"), "tracepoint", Points.Tracepoint("syscalls", "sys_enter_read")));

        var result = new ProbeAttacher().AttachMany(requests);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics);
        Assert.True(error.Id == "BT3111", error.ToString());
        Assert.Equal("tracepoint not found: tracepoint:syscalls:sys_enter_no_such_call", error.Message);
        Assert.Equal(6, result.Rollback!.LinkCount);
        Assert.Empty(result.Rollback.Warnings);
        KernelObjects.AssertGone(KernelObjects.LinkedProgramIds, new[] { probes.Program("bt_any_sys").GetInfo().Id });
    }

    [RootFact]
    public void MissingProbePolicyWarn_SkipsTheMissingProbeWithAWarning()
    {
        using var probes = ProbeObject.Load();
        var requests = new[]
        {
            new AttachRequest(probes.Program("bt_getpid"), "tracepoint", Points.Tracepoint("syscalls", "sys_enter_getpid")),
            new AttachRequest(probes.Program("bt_uprobe"), "uprobe", Points.Uprobe(Workload.ProgramPath, "no_such_function")),
        };
        var result = new ProbeAttacher(new AttachOptions { MissingProbes = MissingProbePolicy.Warn }).AttachMany(requests);
        Assert.True(result.Succeeded);
        using (result.Probes)
        {
            Assert.Equal(1, result.Probes.AttachPointCount);
            var warning = Assert.Single(result.Diagnostics);
            Assert.Equal("BT3124", warning.Id);
            Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
            Assert.Contains("no symbol 'no_such_function'", warning.Message);
        }
    }

    [RootFact]
    public void UprobeErrors_NameTheMissingFileSymbolOrProcess()
    {
        using var probes = ProbeObject.Load();
        var attacher = new ProbeAttacher();
        var noFile = attacher.Attach(new AttachRequest(probes.Program("bt_uprobe"), "uprobe", Points.Uprobe("/no/such/binary", "main")));
        Assert.Equal("BT3115", noFile.Error!.Id);
        Assert.Equal("cannot attach uprobe:/no/such/binary:main: the file '/no/such/binary' does not exist", noFile.Error.Message);

        var noSymbol = attacher.Attach(new AttachRequest(probes.Program("bt_uprobe"), "uprobe", Points.Uprobe(Workload.ProgramPath, "no_such_function")));
        Assert.Equal("BT3116", noSymbol.Error!.Id);
        Assert.True(noSymbol.IsMissingProbe);

        var noUsdt = attacher.Attach(new AttachRequest(probes.Program("bt_usdt"), "usdt",
            new AttachPointMetadata { Text = "usdt:x:bt_test:nope", Target = Workload.ProgramPath, Namespace = "bt_test", Function = "nope" }));
        Assert.Equal("BT3117", noUsdt.Error!.Id);

        int deadPid = DeadPid();
        var noProcess = new ProbeAttacher(new AttachOptions { Pid = deadPid }).Attach(new AttachRequest(probes.Program("bt_uprobe"), "uprobe", Points.Uprobe(Workload.ProgramPath, "bt_uprobe_target")));
        Assert.Equal("BT3118", noProcess.Error!.Id);
        Assert.Contains($"process {deadPid} does not exist", noProcess.Error.Message);

        var watchNoPid = attacher.Attach(new AttachRequest(probes.Program("bt_watchpoint"), "watchpoint", new AttachPointMetadata { Text = "watchpoint:0x1000:8:w", Address = 0x1000, Length = 8, Mode = "w" }));
        Assert.Equal("BT3119", watchNoPid.Error!.Id);

        var unknownSoftware = attacher.Attach(new AttachRequest(probes.Program("bt_software"), "software", new AttachPointMetadata { Text = "software:nope:1", Function = "nope" }));
        Assert.Equal("BT3120", unknownSoftware.Error!.Id);

        var begin = attacher.Attach(new AttachRequest(probes.Program("bt_timer"), "begin", new AttachPointMetadata { Text = "BEGIN" }));
        Assert.Equal("BT3125", begin.Error!.Id);
    }

    private static int DeadPid()
    {
        using var process = System.Diagnostics.Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }
}
