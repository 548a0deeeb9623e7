using BtLang.Driver.LibBpf;
using Xunit.Abstractions;
using BtLang.Driver.Tests.Fixtures;

namespace BtLang.Driver.Tests.LibBpf;

/// <summary>Loading (and failing to), the libbpf log, maps and the ring buffer's error handling.</summary>
public sealed class LoadAndMapTests
{
    private readonly ITestOutputHelper _output;

    public LoadAndMapTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [RootFact]
    public void VerifierRejection_NamesTheProgramAndQuotesTheVerifier()
    {
        var elf = FixtureBuilder.BpfObject("bt_rejected.bpf.c");
        Assert.True(BpfObject.TryOpen(elf, "bt_rejected", out var obj, out var openError), openError?.ToString());
        using (obj)
        {
            Assert.False(obj.TryLoad(out var error));
            _output.WriteLine(BtLang.Diagnostics.DiagnosticFormatter.Format(error));
            Assert.Equal("BT3101", error.Id);
            Assert.StartsWith("the kernel verifier rejected the program for 'bt_bad' (section tracepoint/syscalls/sys_enter_getpid): ", error.Message);
            Assert.Contains("invalid mem access", error.Message);
            Assert.Contains("invalid mem access", Assert.Single(error.Hints));
            var program = Assert.Single(obj.Programs);
            Assert.Contains("processed", program.VerifierLog);
            Assert.Equal(new VerifierSourceLine("bt_rejected.bpf.c", 19, "*value += 1;"), VerifierLogSummary.LastSourceLine(program.VerifierLog));
            Assert.True(program.Fd < 0);
        }
    }

    [RootFact]
    public void GarbageObject_FailsToOpenWithLibbpfsReason()
    {
        var garbage = new byte[256];
        new Random(7).NextBytes(garbage);
        using var capture = LibBpfLog.BeginCapture();
        Assert.False(BpfObject.TryOpen(garbage, "bt_garbage", out var obj, out var error));
        Assert.Null(obj);
        Assert.Equal("BT3100", error.Id);
        Assert.StartsWith("cannot open the BPF object 'bt_garbage': ", error.Message);

        // The print callback formatted libbpf's varargs (no raw %s or %d left).
        var warning = Assert.Single(capture.Warnings, w => w.Text.Contains("elf", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("%s", warning.Text);
        Assert.DoesNotContain("%d", warning.Text);
    }

    [RootFact]
    public void LoadedObject_ExposesProgramsMapsAndKernelInfo()
    {
        using var probes = ProbeObject.Load();
        var getpid = probes.Program("bt_getpid");
        Assert.Equal("tracepoint/syscalls/sys_enter_getpid", getpid.SectionName);
        Assert.Equal(BpfProgramType.Tracepoint, getpid.Type);
        Assert.True(getpid.Fd >= 0);
        Assert.True(getpid.InstructionCount > 10);
        var info = getpid.GetInfo();
        Assert.Equal("bt_getpid", info.Name);
        Assert.True(info.Id > 0);
        Assert.True(info.VerifiedInstructions > 0);
        Assert.Contains(info.Id, KernelObjects.ProgramIds());
        Assert.Equal(BpfProgramType.PerfEvent, probes.Program("bt_timer").Type);

        var counts = probes.Map("bt_counts");
        Assert.Equal((BpfMapType.Array, 4, 8, 16), (counts.Type, counts.KeySize, counts.ValueSize, counts.MaxEntries));
        var events = probes.Map("bt_events");
        Assert.Equal(BpfMapType.RingBuffer, events.Type);
    }

    [RootFact]
    public void HashMap_UpdateLookupDeleteIterateAndBatchAgree()
    {
        using var probes = ProbeObject.Load();
        var map = probes.Map("bt_by_seq");
        for (uint key = 100; key < 400; key++)
        {
            map.Update(BitConverter.GetBytes(key), BitConverter.GetBytes((ulong)key * 3));
        }

        Assert.Throws<LibBpfException>(() => map.Update(BitConverter.GetBytes(100u), BitConverter.GetBytes(1UL), BpfMapUpdateFlags.NoExist));
        Assert.Equal(300UL, BitConverter.ToUInt64(map.Lookup(BitConverter.GetBytes(100u))!));
        Assert.Null(map.Lookup(BitConverter.GetBytes(99u)));
        Assert.True(map.Delete(BitConverter.GetBytes(100u)));
        Assert.False(map.Delete(BitConverter.GetBytes(100u)));

        var value = new byte[8];
        Assert.True(map.TryLookupAndDelete(BitConverter.GetBytes(101u), value));
        Assert.Equal(303UL, BitConverter.ToUInt64(value));
        Assert.False(map.TryLookupAndDelete(BitConverter.GetBytes(101u), value));

        var entries = map.ReadAll(); // batched
        Assert.Equal(298, entries.Count);
        Assert.All(entries, e => Assert.Equal((ulong)BitConverter.ToUInt32(e.Key) * 3, BitConverter.ToUInt64(e.Value)));
        var keys = map.GetKeys(); // get_next_key walk
        Assert.Equal(entries.Select(e => BitConverter.ToUInt32(e.Key)).Order(), keys.Select(k => BitConverter.ToUInt32(k)).Order());
        Assert.Equal(Enumerable.Range(102, 298).Select(i => (uint)i), keys.Select(k => BitConverter.ToUInt32(k)).Order());

        map.Clear();
        Assert.Empty(map.ReadAll());

        var counts = probes.Map("bt_counts");
        counts.Update(BitConverter.GetBytes(3), BitConverter.GetBytes(42UL));
        Assert.Equal(16, counts.ReadAll().Count);
        counts.Clear();
        Assert.All(counts.ReadAll(), e => Assert.Equal(0UL, BitConverter.ToUInt64(e.Value)));

        var perCpu = probes.Map("bt_percpu");
        var perCpuValue = new byte[perCpu.LookupValueSize];
        BitConverter.TryWriteBytes(perCpuValue.AsSpan(8 * (BpfMap.PossibleCpuCount - 1)), 5UL);
        perCpu.Update(BitConverter.GetBytes(0), perCpuValue);
        var batch = Assert.Single(perCpu.ReadAll());
        Assert.Equal(5UL, BitConverter.ToUInt64(perCpu.GetCpuValue(batch.Value, BpfMap.PossibleCpuCount - 1)));
    }

    [RootFact]
    public void RingBufferConsumerException_SurfacesFromPollWithoutCrashing()
    {
        using var workload = Workload.Start(3, 0, 0, 0);
        using var probes = ProbeObject.Load();
        probes.TargetPid(workload.Pid);
        var received = new List<uint>();
        Assert.True(RingBuffer.TryCreate(probes.Map("bt_events"), record =>
        {
            uint seq = BitConverter.ToUInt32(record[4..]);
            received.Add(seq);
            if (seq == 2)
            {
                throw new InvalidOperationException("consumer failed on record 2");
            }
        }, out var ringBuffer, out var error), error?.ToString());
        using (ringBuffer)
        {
            var link = probes.Program("bt_getpid").TryAttachTracepoint("syscalls", "sys_enter_getpid", "tracepoint:syscalls:sys_enter_getpid", out int errno);
            Assert.NotNull(link);
            using (link)
            {
                workload.Go();
            }

            var thrown = Assert.Throws<InvalidOperationException>(() => ringBuffer.Poll(1000));
            Assert.Equal("consumer failed on record 2", thrown.Message);
            Assert.Equal(new uint[] { 1, 2 }, received);
            Assert.Equal(1, ringBuffer.Poll(100)); // The record after the failing one is still delivered.
            Assert.Equal(new uint[] { 1, 2, 3 }, received);
        }

        Assert.False(RingBuffer.TryCreate(probes.Map("bt_counts"), _ => { }, out _, out var wrongType));
        Assert.Equal("BT3103", wrongType.Id);
    }

    [RootFact]
    public void GlobalsSetBeforeLoad_AreSeenByATestRun()
    {
        using var probes = ProbeObject.Load(obj =>
        {
            var rodata = obj.FindDataSectionMap(".rodata")!;
            var initial = rodata.GetInitialValue()!;
            Assert.Equal(8, initial.Length);
            BitConverter.TryWriteBytes(initial, 21UL);
            rodata.SetInitialValue(initial);
        });
        var program = probes.Program("bt_globals");
        Assert.Equal(BpfProgramType.RawTracepoint, program.Type);
        Assert.Equal(7u, program.TestRun(new byte[8]));
        Assert.Equal(7u, program.TestRun(new byte[8]));
        var bss = probes.Object.FindDataSectionMap(".bss")!;
        Assert.Equal(42UL, BitConverter.ToUInt64(bss.Lookup(new byte[4])!));
        Assert.Equal(0UL, BitConverter.ToUInt64(bss.GetInitialValue()!)); // libbpf's copy, not the kernel's
        Assert.Throws<InvalidOperationException>(() => bss.SetInitialValue(new byte[8]));
    }

    [RootFact]
    public void ProgramsTheKernelCannotRun_CanBeLeftUnloaded()
    {
        using var probes = ProbeObject.Load(obj => obj.FindProgram("bt_kprobe")!.SetAutoLoad(false));
        Assert.True(probes.Program("bt_kprobe").Fd < 0);
        Assert.True(probes.Program("bt_getpid").Fd >= 0);
    }
}
