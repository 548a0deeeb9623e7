using BtLang.Driver.Attach;
using BtLang.Driver.LibBpf;
using BtLang.Driver.Tests.Fixtures;
using BtLang.Emit.Metadata;

namespace BtLang.Driver.Tests.Attach;

/// <summary>Every probe kind that works on this kernel, attached to the test's own workload and counted exactly.</summary>
public sealed class ProbeKindTests
{
    [RootFact]
    public void UprobeAndUretprobeByName_CountCallsAndReadTheArgument()
    {
        const int Calls = 9;
        using var workload = Workload.Start(0, 0, Calls, 0);
        using var probes = ProbeObject.Load();
        probes.TargetPid(workload.Pid);
        var attacher = new ProbeAttacher(new AttachOptions { Pid = workload.Pid });
        var result = attacher.AttachMany(new[]
        {
            new AttachRequest(probes.Program("bt_uprobe"), "uprobe", Points.Uprobe(Workload.ProgramPath, "bt_uprobe_target")),
            new AttachRequest(probes.Program("bt_uretprobe"), "uretprobe", Points.Uprobe(Workload.ProgramPath, "bt_uprobe_target") with { Text = $"uretprobe:{Workload.ProgramPath}:bt_uprobe_target" }),
        });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        using (result.Probes)
        {
            workload.Go();
        }

        Assert.Equal((ulong)Calls, probes.Count(ProbeObject.SlotUprobe));
        Assert.Equal((ulong)Calls, probes.Count(ProbeObject.SlotUretprobe));
        Assert.Equal((ulong)(Calls * (Calls - 1) / 2), probes.Count(ProbeObject.SlotUprobeArgumentSum));
    }

    [RootFact]
    public void StoppedUprobes_NoLongerRun_AndDetachLater()
    {
        using var workload = Workload.Start(0, 0, 5, 0);
        using var probes = ProbeObject.Load();
        probes.TargetPid(workload.Pid);
        var result = new ProbeAttacher().AttachMany(new[]
        {
            new AttachRequest(probes.Program("bt_uprobe"), "uprobe", Points.Uprobe(Workload.ProgramPath, "bt_uprobe_target")),
            new AttachRequest(probes.Program("bt_uretprobe"), "uretprobe", Points.Uprobe(Workload.ProgramPath, "bt_uprobe_target") with { Text = "uretprobe" }),
        });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.All(result.Probes.Links, link => Assert.True(link.CanStopQuickly));
        var stop = result.Probes.StopAll();
        Assert.Empty(stop.Warnings);
        KernelObjects.AssertGone(KernelObjects.LinkedProgramIds, new[] { probes.Program("bt_uprobe").GetInfo().Id, probes.Program("bt_uretprobe").GetInfo().Id });
        workload.Go();
        Assert.Equal(0UL, probes.Count(ProbeObject.SlotUprobe));
        Assert.Equal(0UL, probes.Count(ProbeObject.SlotUretprobe));
        Assert.Empty(result.Probes.DetachAll().Warnings);
        Assert.All(result.Probes.Links, link => Assert.True(link.IsDetached));
    }

    [RootFact]
    public void UprobeByAddress_ConvertsTheVirtualAddressToAFileOffset()
    {
        const int Calls = 4;
        ulong address = SymbolAddress(Workload.ProgramPath, "bt_uprobe_target");
        using var workload = Workload.Start(0, 0, Calls, 0);
        using var probes = ProbeObject.Load();
        probes.TargetPid(workload.Pid);
        var point = new AttachPointMetadata { Text = $"uprobe:{Workload.ProgramPath}:0x{address:x}", Target = Workload.ProgramPath, Address = address };
        var result = new ProbeAttacher().Attach(new AttachRequest(probes.Program("bt_uprobe"), "uprobe", point));
        Assert.True(result.Succeeded, result.Error?.ToString());
        workload.Go();
        ParallelDetacher.DetachAll(result.Links);
        Assert.Equal((ulong)Calls, probes.Count(ProbeObject.SlotUprobe));
    }

    [RootFact]
    public void Usdt_CountsProbeHitsAndReadsArguments()
    {
        const int Calls = 6;
        using var workload = Workload.Start(0, 0, Calls, 0);
        using var probes = ProbeObject.Load();
        probes.TargetPid(workload.Pid);
        var point = new AttachPointMetadata { Text = $"usdt:{Workload.ProgramPath}:bt_test:tick", Target = Workload.ProgramPath, Namespace = "bt_test", Function = "tick" };
        var result = new ProbeAttacher(new AttachOptions { Pid = workload.Pid }).Attach(new AttachRequest(probes.Program("bt_usdt"), "usdt", point));
        Assert.True(result.Succeeded, result.Error?.ToString());
        workload.Go();
        ParallelDetacher.DetachAll(result.Links);
        Assert.Equal((ulong)Calls, probes.Count(ProbeObject.SlotUsdt));
        Assert.Equal((ulong)(10 * Calls * (Calls - 1) / 2), probes.Count(ProbeObject.SlotUsdtArgumentSum));
    }

    [RootFact]
    public void RawTracepoint_CountsGetpid()
    {
        const int Getpids = 11;
        using var workload = Workload.Start(Getpids, 0, 0, 0);
        using var probes = ProbeObject.Load();
        probes.TargetPid(workload.Pid);
        var point = new AttachPointMetadata { Text = "rawtracepoint:sys_enter", Function = "sys_enter" };
        var result = new ProbeAttacher().Attach(new AttachRequest(probes.Program("bt_raw_sys_enter"), "rawtracepoint", point));
        Assert.True(result.Succeeded, result.Error?.ToString());
        workload.Go();
        ParallelDetacher.DetachAll(result.Links);
        Assert.Equal((ulong)Getpids, probes.Count(ProbeObject.SlotRawTracepoint));
    }

    [RootFact]
    public void Watchpoint_CountsWritesToAVariableOfTheProcess()
    {
        const int Writes = 5;
        using var workload = Workload.Start(0, 0, 0, Writes);
        using var probes = ProbeObject.Load();
        probes.TargetPid(workload.Pid);
        var point = new AttachPointMetadata { Text = $"watchpoint:0x{workload.WatchedAddress:x}:8:w", Address = workload.WatchedAddress, Length = 8, Mode = "w" };
        var result = new ProbeAttacher(new AttachOptions { Pid = workload.Pid }).Attach(new AttachRequest(probes.Program("bt_watchpoint"), "watchpoint", point));
        Assert.True(result.Succeeded, result.Error?.ToString());
        workload.Go();
        ParallelDetacher.DetachAll(result.Links);
        Assert.Equal((ulong)Writes, probes.Count(ProbeObject.SlotWatchpoint));
    }

    [RootFact]
    public void IntervalFiresOnOneCpu_ProfileAndSoftwareFireOnEveryCpu()
    {
        using var probes = ProbeObject.Load();
        var attacher = new ProbeAttacher();
        var interval = attacher.Attach(new AttachRequest(probes.Program("bt_timer"), "interval",
            new AttachPointMetadata { Text = "interval:ms:20", Unit = "ms", Value = 20 }));
        Assert.True(interval.Succeeded, interval.Error?.ToString());
        Assert.Single(interval.Links);
        Thread.Sleep(500);
        ParallelDetacher.DetachAll(interval.Links);
        ulong ticks = probes.Count(ProbeObject.SlotTimer);
        Assert.InRange(ticks, 10UL, 30UL); // 25 expected in 500 ms; generous for a loaded machine.

        var profile = attacher.Attach(new AttachRequest(probes.Program("bt_timer"), "profile",
            new AttachPointMetadata { Text = "profile:hz:99", Unit = "hz", Value = 99 }));
        Assert.True(profile.Succeeded, profile.Error?.ToString());
        Assert.Equal(OnlineCpus.Current.Count, profile.Links.Length);
        Assert.Equal(1, profile.AttachPointCount);

        var software = attacher.Attach(new AttachRequest(probes.Program("bt_software"), "software",
            new AttachPointMetadata { Text = "software:cs:1", Function = "cs", Value = 1 }));
        Assert.True(software.Succeeded, software.Error?.ToString());
        Assert.Equal(OnlineCpus.Current.Count, software.Links.Length);

        using var workload = Workload.Start(0, 0, 0, 0);
        probes.TargetPid(workload.Pid);
        Thread.Sleep(300);
        workload.Go(); // Blocking on stdin and waking up switches context at least once.
        ParallelDetacher.DetachAll(profile.Links.AddRange(software.Links));
        Assert.True(probes.Count(ProbeObject.SlotTimer) > ticks, "profile:hz:99 never fired");
        Assert.True(probes.Count(ProbeObject.SlotSoftware) >= 1, "software:cs never counted the workload");
    }

    private static ulong SymbolAddress(string path, string symbol)
    {
        var start = new System.Diagnostics.ProcessStartInfo("nm", path) { RedirectStandardOutput = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n').Single(l => l.EndsWith(" " + symbol, StringComparison.Ordinal));
        return ulong.Parse(line.Split(' ')[0], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
    }
}
