using BtLang.Semantics.ProbeCatalog;
using BtLang.Semantics.ProbeCatalog.Listing;

namespace BtLang.Semantics.Tests.ProbeCatalog;

public class ProbeListerTests
{
    private static ProbeLister Basic() => new(new SystemProbeCatalog(ProbeCatalogOptions.ForFixture(CatalogFixtures.Directory("basic"))));

    [Fact]
    public void Lists_tracepoints_with_wildcards()
    {
        Assert.Equal(["tracepoint:syscalls:sys_enter_open", "tracepoint:syscalls:sys_enter_openat"],
            Basic().ListLines("tracepoint:syscalls:sys_enter_open*", verbose: false));
        Assert.Equal(["tracepoint:syscalls:sys_enter_open", "tracepoint:syscalls:sys_enter_openat"],
            Basic().ListLines("t:syscalls:sys_enter_open*", verbose: false));
        Assert.Equal(["tracepoint:sched:sched_process_exec", "tracepoint:sched:sched_switch"],
            Basic().ListLines("tracepoint:sched", verbose: false));
    }

    [Fact]
    public void Lists_tracepoint_fields_in_bpftrace_format()
    {
        Assert.Equal(
            [
                "tracepoint:syscalls:sys_enter_openat",
                "    int __syscall_nr",
                "    int dfd",
                "    const char * filename",
                "    int flags",
                "    umode_t mode",
            ],
            Basic().ListLines("tracepoint:syscalls:sys_enter_openat", verbose: true));
        Assert.Equal(
            [
                "tracepoint:sched:sched_process_exec",
                "    __data_loc char[] filename",
                "    pid_t pid",
                "    pid_t old_pid",
                "tracepoint:sched:sched_switch",
                "    char prev_comm[16]",
                "    pid_t prev_pid",
                "    int prev_prio",
                "    long prev_state",
                "    char next_comm[16]",
                "    pid_t next_pid",
                "    int next_prio",
            ],
            Basic().ListLines("tracepoint:sched:*", verbose: true));
    }

    [Fact]
    public void Lists_raw_tracepoints_and_fentry_from_btf()
    {
        Assert.Equal(
            ["rawtracepoint:sched_switch", "    _Bool preempt", "    struct task_struct * prev", "    struct task_struct * next", "    unsigned int prev_state"],
            Basic().ListLines("rawtracepoint:sched_*", verbose: true));
        Assert.Equal(["rawtracepoint:sched_switch"], Basic().ListLines("rt:vmlinux:sched_switch", verbose: false));
        Assert.Equal(
            ["fexit:vmlinux:do_sys_open", "    int dfd", "    const char * filename", "    int flags", "    unsigned short mode", "    long retval"],
            Basic().ListLines("fexit:do_sys_open", verbose: true));
        Assert.Equal(["fentry:vmlinux:do_sys_open"], Basic().ListLines("kfunc:vmlinux:do_sys_*", verbose: false));
        // No available_filter_functions in the fixture: kprobes cannot be listed.
        Assert.Empty(Basic().ListLines("kprobe:*", verbose: false));
    }

    [Fact]
    public void Lists_software_and_hardware_events_with_aliases()
    {
        Assert.Equal(["software:cpu-clock:", "software:cpu-migrations:", "software:cpu:"], Basic().ListLines("software:cpu*", verbose: false));
        Assert.Equal(["hardware:bus-cycles:", "hardware:cpu-cycles:", "hardware:cycles:", "hardware:ref-cycles:"], Basic().ListLines("h:*cycles", verbose: false));
        // 11 software events + 3 aliases (cpu, faults, cs); 10 hardware events + 2 aliases (cycles, branches).
        Assert.Equal(14, Basic().ListLines("s*:*", verbose: false).Count(l => l.StartsWith("software:", StringComparison.Ordinal)));
        Assert.Equal(12, Basic().ListLines("hardware:*", verbose: false).Count());
    }

    [Fact]
    public void Without_a_provider_searches_every_kernel_probe()
    {
        Assert.Equal(["rawtracepoint:sched_switch", "tracepoint:sched:sched_switch"], Basic().ListLines("sched_switch", verbose: false));
        Assert.Equal(["software:page-faults:"], Basic().ListLines("page-faults", verbose: false));
    }

    [Fact]
    public void Lists_everything_sorted_without_a_pattern()
    {
        var lines = Basic().ListLines(null, verbose: false).ToArray();
        Assert.Equal(lines.Order(StringComparer.Ordinal), lines);
        Assert.Contains("tracepoint:raw_syscalls:sys_enter", lines);
        Assert.Contains("software:cs:", lines);
        Assert.Contains("fentry:vmlinux:task_count", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("uprobe:", StringComparison.Ordinal));
    }

    [Fact]
    public void Lists_struct_definitions_from_btf()
    {
        Assert.Equal(["struct list_head {", "\tstruct list_head *next;", "\tstruct list_head *prev;", "};", ""],
            Basic().ListLines("struct list_head", verbose: true));
        Assert.Equal(["struct list_head", "struct task_struct"], Basic().ListLines("struct *", verbose: false));
        var task = Basic().ListLines("struct task_struct", verbose: true).ToArray();
        Assert.Equal("struct task_struct {", task[0]);
        Assert.Contains("\tunsigned int flags: 4;", task);
        Assert.Contains("\tchar comm[16];", task);
        Assert.Contains("\tunion {", task);
        Assert.Contains("\t\tfloat ratio;", task);
        Assert.Contains("\t};", task);
        Assert.Contains("\tu64 matrix[2][3];", task);
        Assert.Equal(["enum task_state {", "\tTASK_RUNNING = 0,", "\tTASK_DEAD = 64,", "};", ""], Basic().ListLines("enum task_state", verbose: true));
    }

    [Fact]
    public void Leaves_out_providers_the_kernel_cannot_attach()
    {
        var catalog = new SystemProbeCatalog(ProbeCatalogOptions.ForFixture(CatalogFixtures.Directory("basic")));
        var lister = new ProbeLister(catalog, new HashSet<BtLang.Semantics.ProbeCatalog.Providers.ProbeProviderKind>
        {
            BtLang.Semantics.ProbeCatalog.Providers.ProbeProviderKind.Fentry,
            BtLang.Semantics.ProbeCatalog.Providers.ProbeProviderKind.Fexit,
            BtLang.Semantics.ProbeCatalog.Providers.ProbeProviderKind.Hardware,
        });
        var lines = lister.ListLines(null, verbose: false).ToArray();
        Assert.DoesNotContain(lines, l => l.StartsWith("fentry:", StringComparison.Ordinal) || l.StartsWith("hardware:", StringComparison.Ordinal));
        Assert.Contains("software:cpu-clock:", lines);
        Assert.Empty(lister.ListLines("fexit:*", verbose: false));
    }

    [Fact]
    public void Unknown_providers_and_binaries_list_nothing()
    {
        Assert.Empty(Basic().ListLines("nosuch:foo", verbose: false));
        Assert.Empty(Basic().ListLines("uprobe:/nonexistent/bin:*", verbose: false));
        Assert.Empty(Basic().ListLines("usdt:", verbose: false));
    }
}
