using System.Diagnostics;
using BtLang.Driver.Attach;
using BtLang.Driver.LibBpf;
using BtLang.Driver.Tests.Fixtures;
using BtLang.Emit.Metadata;
using Xunit.Abstractions;

namespace BtLang.Driver.Tests.Attach;

/// <summary>
/// Syscall tracepoints routed through raw_syscalls (<see cref="SyscallRouter"/>): the bundled syscall table, the
/// dispatcher's instructions, the threshold setting, and the wildcard <c>sys_enter_*</c> routed end to end (counts,
/// fast stop, nothing left attached or loaded).
/// </summary>
public sealed class SyscallRoutingTests
{
    private readonly ITestOutputHelper _output;

    public SyscallRoutingTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void TableAgreesWithTheUapiHeaderAndUsesTracefsNames()
    {
        var table = SyscallTable.X8664;
        const string header = "/usr/include/x86_64-linux-gnu/asm/unistd_64.h";
        Assert.True(File.Exists(header), $"{header} is missing (linux-libc-dev)");
        var renamed = new Dictionary<string, string>
        {
            ["stat"] = "newstat", ["fstat"] = "newfstat", ["lstat"] = "newlstat", ["uname"] = "newuname",
            ["sendfile"] = "sendfile64", ["umount2"] = "umount",
        };
        int compared = 0;
        foreach (string line in File.ReadLines(header))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts is ["#define", var macro, var value] && macro.StartsWith("__NR_", StringComparison.Ordinal))
            {
                string name = macro[5..];
                Assert.True(table.TryGetNumber(renamed.GetValueOrDefault(name, name), out int number), name);
                Assert.Equal(int.Parse(value), number);
                Assert.False(renamed.ContainsKey(name) && table.TryGetNumber(name, out _), $"{name} is spelled as tracefs does");
                compared++;
            }
        }

        Assert.True(compared > 350, $"only {compared} syscalls in {header}");
        // Newer than Debian 12's header, from the kernel's syscall_64.tbl.
        Assert.True(table.TryGetNumber("uretprobe", out int uretprobe) && uretprobe == 335);
        Assert.True(table.TryGetNumber("fchmodat2", out int fchmodat2) && fchmodat2 == 452);
        Assert.True(table.TryGetNumber("file_setattr", out int fileSetattr) && fileSetattr == 469);
        Assert.Equal(469, table.MaxNumber);
    }

    [RootFact]
    public void EverySyscallTracepointOfThisKernelIsInTheTable()
    {
        var events = Tracefs.Expand("syscalls", "sys_enter_*");
        Assert.True(events.Count > 300);
        var missing = events.Select(e => e.Event["sys_enter_".Length..]).Where(name => !SyscallTable.X8664.TryGetNumber(name, out _)).ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData(null, SyscallRouter.DefaultThreshold)]
    [InlineData("auto", SyscallRouter.DefaultThreshold)]
    [InlineData("always", 1)]
    [InlineData("5", 5)]
    [InlineData("never", null)]
    [InlineData("off", null)]
    [InlineData("garbage", SyscallRouter.DefaultThreshold)]
    public void ThresholdSetting(string? setting, int? expected) => Assert.Equal(expected, SyscallRouter.ThresholdFrom(setting));

    [Fact]
    public void DispatcherChecksTheNumberAndCompatThenTailCallsAndEveryExitReturnsZero()
    {
        var code = SyscallDispatcher.Instructions(programArrayFd: 42, maxNumber: 469, new CompatSyscallCheck(16));
        static (byte Op, int Dst, int Src, short Off, int Imm) Decode(ulong i) =>
            ((byte)i, (int)(i >> 8) & 0xf, (int)(i >> 12) & 0xf, (short)(i >> 16), (int)(i >> 32));

        var decoded = code.Select(Decode).ToList();
        int exit = decoded.FindIndex(i => i.Op == 0x95);
        Assert.Equal(code.Length - 1, exit);
        Assert.Equal((0xb7, 0, 0, (short)0, 0), (decoded[exit - 1].Op, decoded[exit - 1].Dst, decoded[exit - 1].Src, decoded[exit - 1].Off, decoded[exit - 1].Imm)); // r0 = 0

        // The number is the u64 at ctx + 8, bounded by the table; jumps all go to "r0 = 0".
        Assert.Contains(decoded, i => i.Op == 0x79 && i.Src == 6 && i.Off == 8);
        Assert.Contains(decoded, i => i.Op == 0x25 && i.Imm == 469);
        var jumps = decoded.Select((i, index) => (i, index)).Where(x => x.i.Op is 0x25 or 0x55).ToList();
        Assert.Equal(2, jumps.Count);
        Assert.All(jumps, j => Assert.Equal(exit - 1, j.index + 1 + j.i.Off));

        // The compat check loads thread_info.status from the task bpf_get_current_task_btf returns and tests TS_COMPAT.
        int task = decoded.FindIndex(i => i.Op == 0x85 && i.Imm == 158);
        Assert.True(task > 0);
        Assert.Equal((0x61, 0, (short)16), (decoded[task + 1].Op, decoded[task + 1].Src, decoded[task + 1].Off));
        Assert.Equal((0x57, CompatSyscallCheck.TsCompat), (decoded[task + 2].Op, decoded[task + 2].Imm));

        // bpf_tail_call(ctx, the array by fd, number), right before the exit path.
        int call = decoded.FindLastIndex(i => i.Op == 0x85);
        Assert.Equal(12, decoded[call].Imm);
        Assert.Equal(exit - 2, call);
        int load = decoded.FindIndex(i => i.Op == 0x18);
        Assert.Equal((2, 1, 42), (decoded[load].Dst, decoded[load].Src, decoded[load].Imm));
    }

    [RootFact]
    public void CompatCheckFindsThreadInfoStatusInTheKernelsBtf()
    {
        var clock = Stopwatch.StartNew();
        var (check, error) = CompatSyscallCheck.FromBtf("/sys/kernel/btf/vmlinux");
        _output.WriteLine($"thread_info.status from the kernel's BTF in {clock.Elapsed.TotalMilliseconds:F1} ms");
        Assert.True(check is not null, error);
        // thread_info is the first member of task_struct on x86 (current_thread_info() casts current); status
        // follows flags and syscall_work.
        Assert.Equal(16, check.StatusOffset);
    }

    [RootFact]
    public void WildcardSyscallTracepointsAreRoutedThroughTwoLinksAndCountAndLeaveNothing()
    {
        const int Getpids = 3;
        const int Opens = 2;
        using var workload = Workload.Start(Getpids, Opens, 0, 0);
        using var probes = ProbeObject.Load();
        probes.TargetPid(workload.Pid);
        var program = probes.Program("bt_any_sys");
        var point = new AttachPointMetadata { Text = "tracepoint:syscalls:sys_enter_*", Target = "syscalls", Function = "sys_enter_*", HasWildcard = true };
        int expected = Tracefs.Expand("syscalls", "sys_enter_*").Count;

        var stopwatch = Stopwatch.StartNew();
        var result = new ProbeAttacher().AttachMany(new[] { new AttachRequest(program, "tracepoint", point) });
        var attach = stopwatch.Elapsed;
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(expected, result.Probes.AttachPointCount);
        var routing = Assert.IsType<SyscallRouting>(result.Probes.SyscallRouting);
        Assert.Equal(expected, routing.EnterCount);
        Assert.Equal(0, routing.ExitCount);
        var link = Assert.Single(result.Probes.Links);
        Assert.Equal("tracepoint:raw_syscalls:sys_enter", link.Description);
        Assert.Contains(result.Notes, n => n.StartsWith($"syscall tracepoints: {expected} routed through raw_syscalls:sys_enter", StringComparison.Ordinal));
        var dispatcher = Assert.Single(routing.DispatcherProgramIds);
        Assert.Contains(dispatcher, KernelObjects.LinkedProgramIds());

        workload.Go();
        ulong counted = probes.Count(ProbeObject.SlotAnySyscall);
        Assert.True(counted >= Getpids + Opens, $"counted {counted}");

        var stop = result.Probes.StopAll();
        Assert.Empty(stop.Warnings);
        using (var second = Workload.Start(Getpids, Opens, 0, 0))
        {
            probes.TargetPid(second.Pid);
            second.Go();
        }

        Assert.Equal(counted, probes.Count(ProbeObject.SlotAnySyscall));
        stopwatch.Restart();
        var detach = result.Probes.DetachAll();
        Assert.Empty(detach.Warnings);
        _output.WriteLine($"routed {expected} tracepoints: attach {attach.TotalMilliseconds:F0} ms, stop {stop.Elapsed.TotalMilliseconds:F0} ms, detach {stopwatch.Elapsed.TotalMilliseconds:F0} ms");
        KernelObjects.AssertGone(KernelObjects.ProgramIds, [dispatcher]);
        KernelObjects.AssertGone(KernelObjects.LinkedProgramIds, [dispatcher, program.GetInfo().Id]);
    }
}
