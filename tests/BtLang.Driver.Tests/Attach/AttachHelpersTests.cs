using BtLang.Driver.Attach;
using BtLang.Driver.Tests.Fixtures;

namespace BtLang.Driver.Tests.Attach;

/// <summary>The pure parts of the attach layer: CPU lists, globs, event tables, privileges, ELF offsets.</summary>
public sealed class AttachHelpersTests
{
    [Theory]
    [InlineData("0", new[] { 0 })]
    [InlineData("0-1\n", new[] { 0, 1 })]
    [InlineData("0-2,5,7-8", new[] { 0, 1, 2, 5, 7, 8 })]
    public void OnlineCpus_ParsesKernelCpuLists(string list, int[] expected) =>
        Assert.Equal(expected, OnlineCpus.Parse(list));

    [Theory]
    [InlineData("sys_enter_*", "sys_enter_openat", true)]
    [InlineData("sys_enter_*", "sys_exit_openat", false)]
    [InlineData("sys_enter_open*", "sys_enter_open", true)]
    [InlineData("sys_enter_{read,write}", "sys_enter_write", true)]
    [InlineData("sys_enter_{read,write}", "sys_enter_readv", false)]
    [InlineData("sched_?witch", "sched_switch", true)]
    [InlineData("a.b", "axb", false)]
    public void Glob_MatchesLikeBpftrace(string glob, string name, bool matches) =>
        Assert.Equal(matches, Tracefs.GlobToRegex(glob).IsMatch(name));

    [Fact]
    public void PerfEventCatalog_KnowsNamesAndAliases()
    {
        Assert.Equal(0UL, PerfEventCatalog.FindSoftware("cpu")!.Config);
        Assert.Equal("context-switches", PerfEventCatalog.FindSoftware("cs")!.Name);
        Assert.Equal(100UL, PerfEventCatalog.FindSoftware("faults")!.DefaultPeriod);
        Assert.Equal("cpu-cycles", PerfEventCatalog.FindHardware("cycles")!.Name);
        Assert.Null(PerfEventCatalog.FindSoftware("cycles"));
        Assert.Equal(11, PerfEventCatalog.Software.Length);
    }

    [Fact]
    public void Privileges_NameWhatIsMissing()
    {
        Assert.Null(Privileges.Check(1UL << Privileges.CapSysAdmin));
        Assert.Null(Privileges.Check((1UL << Privileges.CapBpf) | (1UL << Privileges.CapPerfmon)));
        var none = Privileges.Check(0);
        Assert.Equal("BT3160", none!.Id);
        Assert.Equal("btlang must run as root: this process lacks CAP_BPF and CAP_PERFMON (or CAP_SYS_ADMIN)", none.Message);
        var onlyBpf = Privileges.Check(1UL << Privileges.CapBpf);
        Assert.Equal("btlang must run as root: this process lacks CAP_PERFMON (or CAP_SYS_ADMIN)", onlyBpf!.Message);
    }

    [RootFact]
    public void Privileges_AreSufficientForRoot() => Assert.Null(Privileges.Check());

    [Fact]
    public void UprobeTargets_ResolveLibrariesAndPrograms()
    {
        Assert.EndsWith("/libc.so.6", UprobeTargets.Resolve("libc"));
        Assert.EndsWith("/libc.so.6", UprobeTargets.Resolve("c"));
        Assert.Equal("/bin/sh", UprobeTargets.Resolve("/bin/sh"));
        Assert.NotNull(UprobeTargets.Resolve("sh"));
        Assert.Null(UprobeTargets.Resolve("/no/such/file"));
        Assert.Null(UprobeTargets.Resolve("no_such_library_or_program_xyz"));
    }

    [Fact]
    public void UprobeTargets_MapVirtualAddressesThroughLoadSegments()
    {
        string program = Workload.ProgramPath;
        // The text of a small PIE is in a PT_LOAD whose offset equals its address; data lives above it.
        ulong? text = UprobeTargets.VirtualAddressToFileOffset(program, 0x1100);
        Assert.Equal(0x1100UL, text);
        Assert.Null(UprobeTargets.VirtualAddressToFileOffset(program, 0x7fff_0000_0000));
        Assert.Null(UprobeTargets.VirtualAddressToFileOffset("/proc/self/status", 0x1000));
    }

    [RootFact]
    public void Tracefs_IsFoundOrMountedAndListsSyscallTracepoints()
    {
        var status = Tracefs.Ensure();
        Assert.True(status.IsAvailable, status.Error);
        Assert.True(Tracefs.TracepointExists("syscalls", "sys_enter_openat"));
        Assert.False(Tracefs.TracepointExists("syscalls", "sys_enter_no_such_call"));
        Assert.Contains(("syscalls", "sys_exit_openat"), Tracefs.Expand("sys*", "sys_exit_open*"));
    }
}
