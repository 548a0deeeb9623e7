using BtLang.Driver.Attach;
using BtLang.Driver.LibBpf;
using BtLang.Driver.Tests.Fixtures;
using BtLang.Emit.Metadata;

namespace BtLang.Driver.Tests.LibBpf;

/// <summary>Open, load, attach a tracepoint, read the ring buffer and maps, detach: against the real kernel.</summary>
public sealed class TracepointEndToEndTests
{
    [RootFact]
    public void CountsGetpidOfTheWorkloadExactly_AndLeavesNothingAttached()
    {
        const int Getpids = 25;
        const int Opens = 7;
        HashSet<uint> programIds;
        var linkIds = new HashSet<uint>();
        using (var workload = Workload.Start(Getpids, Opens, 0, 0))
        using (var probes = ProbeObject.Load())
        {
            probes.TargetPid(workload.Pid);
            programIds = probes.ProgramIds();
            var attacher = new ProbeAttacher();
            var result = attacher.AttachMany(new[]
            {
                new AttachRequest(probes.Program("bt_getpid"), "tracepoint", Points.Tracepoint("syscalls", "sys_enter_getpid")),
                new AttachRequest(probes.Program("bt_openat"), "tracepoint", Points.Tracepoint("syscalls", "sys_enter_openat")),
            });
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            Assert.Equal(2, result.Probes.AttachPointCount);
            foreach (var link in result.Probes.Links)
            {
                linkIds.Add(link.GetKernelId());
            }

            Assert.DoesNotContain(0u, linkIds);
            Assert.Subset(KernelObjects.LinkIds(), linkIds);

            var records = new List<(uint Pid, uint Seq, ulong Magic)>();
            Assert.True(RingBuffer.TryCreate(probes.Map("bt_events"), record =>
            {
                records.Add((BitConverter.ToUInt32(record), BitConverter.ToUInt32(record[4..]), BitConverter.ToUInt64(record[8..])));
            }, out var ringBuffer, out var ringError), ringError?.ToString());
            using (ringBuffer)
            {
                workload.Go();
                var deadline = DateTime.UtcNow.AddSeconds(10);
                while (records.Count < Getpids && DateTime.UtcNow < deadline)
                {
                    ringBuffer.Poll(100);
                }

                ringBuffer.Consume();
            }

            var report = result.Probes.DetachAll();
            Assert.Empty(report.Warnings);

            Assert.Equal((ulong)Getpids, probes.Count(ProbeObject.SlotGetpid));
            Assert.Equal((ulong)Opens, probes.Count(ProbeObject.SlotOpenat));
            Assert.Equal(Getpids, records.Count);
            Assert.All(records, r => Assert.Equal((uint)workload.Pid, r.Pid));
            Assert.All(records, r => Assert.Equal(0xB7B7B7B7UL, r.Magic));
            Assert.Equal(Enumerable.Range(1, Getpids).Select(i => (uint)i), records.Select(r => r.Seq));

            // Map iteration: the hash map holds one key per sequence number; the per-CPU map sums to the count.
            var bySeq = probes.Map("bt_by_seq").ReadAll();
            Assert.Equal(Enumerable.Range(1, Getpids).Select(i => (uint)i), bySeq.Select(e => BitConverter.ToUInt32(e.Key)).OrderBy(k => k));
            Assert.Equal(Getpids, probes.Map("bt_by_seq").GetKeys().Count);
            var perCpu = probes.Map("bt_percpu");
            Assert.True(perCpu.IsPerCpu);
            var values = perCpu.Lookup(BitConverter.GetBytes(0))!;
            ulong sum = 0;
            for (int cpu = 0; cpu < BpfMap.PossibleCpuCount; cpu++)
            {
                sum += BitConverter.ToUInt64(perCpu.GetCpuValue(values, cpu));
            }

            Assert.Equal((ulong)Getpids, sum);
        }

        KernelObjects.AssertGone(KernelObjects.ProgramIds, programIds);
        KernelObjects.AssertGone(KernelObjects.LinkIds, linkIds);
    }
}
