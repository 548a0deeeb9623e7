using BtLang.Driver.LibBpf;

namespace BtLang.Driver.Tests.Fixtures;

/// <summary>bt_probes.bpf.c opened and loaded, with helpers to aim it at one pid and read its counters.</summary>
internal sealed class ProbeObject : IDisposable
{
    public const int SlotGetpid = 0;
    public const int SlotOpenat = 1;
    public const int SlotUprobe = 2;
    public const int SlotUretprobe = 3;
    public const int SlotUsdt = 4;
    public const int SlotSoftware = 5;
    public const int SlotWatchpoint = 6;
    public const int SlotRawTracepoint = 7;
    public const int SlotTimer = 8;
    public const int SlotUprobeArgumentSum = 9;
    public const int SlotUsdtArgumentSum = 10;
    public const int SlotAnySyscall = 11;

    private ProbeObject(BpfObject obj)
    {
        Object = obj;
    }

    public BpfObject Object { get; }

    public static ProbeObject Load(Action<BpfObject>? beforeLoad = null)
    {
        LibBpfLog.MinimumLevel = LibBpfLogLevel.Info;
        using var capture = LibBpfLog.BeginCapture();
        var elf = FixtureBuilder.BpfObject("bt_probes.bpf.c");
        Assert.True(BpfObject.TryOpen(elf, "bt_probes", out var obj, out var openError), openError?.ToString());
        beforeLoad?.Invoke(obj);
        if (!obj.TryLoad(out var loadError))
        {
            obj.Dispose();
            Assert.Fail(loadError.Message + "\n" + string.Join("\n", loadError.Hints));
        }

        Assert.Empty(capture.Warnings);
        return new ProbeObject(obj);
    }

    public BpfProgram Program(string name) => Object.FindProgram(name) ?? throw new InvalidOperationException("no program " + name);

    public BpfMap Map(string name) => Object.FindMap(name) ?? throw new InvalidOperationException("no map " + name);

    public void TargetPid(int pid) => Map("bt_config").Update(BitConverter.GetBytes(0), BitConverter.GetBytes((uint)pid));

    public ulong Count(int slot) => BitConverter.ToUInt64(Map("bt_counts").Lookup(BitConverter.GetBytes(slot))!);

    public HashSet<uint> ProgramIds() => Object.Programs.Where(p => p.Fd >= 0).Select(p => p.GetInfo().Id).ToHashSet();

    public void Dispose() => Object.Dispose();
}
