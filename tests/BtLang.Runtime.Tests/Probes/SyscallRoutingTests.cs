using BtLang.Runtime.Tests.Reliability;

namespace BtLang.Runtime.Tests.Probes;

/// <summary>
/// Syscall tracepoints routed through raw_syscalls (BTLANG_SYSCALL_ROUTING=always forces it for a few probes,
/// never turns it off): the same events, arguments and return values as one perf event per tracepoint, renamed
/// syscalls (stat is newstat, uname is newuname) included, 32-bit (compat) syscalls skipped as the kernel's
/// syscalls:* events skip them, for scripts and for compiled objects (btlang run x.o), and nothing left behind.
/// </summary>
public sealed class SyscallRoutingTests
{
    private const string RoutedNote = "syscall tracepoints: 6 routed through raw_syscalls:sys_enter (3 sys_enter_*) and raw_syscalls:sys_exit (3 sys_exit_*)";

    /// <summary>What Fixtures/syscalls.c makes, as the script below counts it.</summary>
    private const string Expected =
        "@raw20: 9\n" +          // the compat getpids: raw_syscalls sees them with id 20 (writev on x86_64) ...
        "@read[true]: 6\n" +
        "@readret: 6\n" +
        "@stat: 8\n" +
        "@statret[-2]: 3\n" +
        "@statret[0]: 5\n" +
        "@uname: 4\n" +
        "@uname2: 4\n" +
        "@unameret[0]: 4\n";     // ... and no @writev: sys_enter_writev does not

    private static string Script(string comm) => $$"""
        tracepoint:syscalls:sys_enter_newstat /comm == "{{comm}}"/ { @stat = count(); }
        tracepoint:syscalls:sys_exit_newstat /comm == "{{comm}}"/ { @statret[args.ret] = count(); }
        tracepoint:syscalls:sys_enter_newuname /comm == "{{comm}}"/ { @uname = count(); }
        tracepoint:syscalls:sys_enter_newuname /comm == "{{comm}}"/ { @uname2 = count(); }
        tracepoint:syscalls:sys_exit_newuname /comm == "{{comm}}"/ { @unameret[args.ret] = count(); }
        tracepoint:syscalls:sys_enter_read /comm == "{{comm}}" && args.count == 7/ { @read[args.buf != 0] = count(); }
        tracepoint:syscalls:sys_exit_read /comm == "{{comm}}" && args.ret == 7/ { @readret = count(); }
        tracepoint:syscalls:sys_enter_writev /comm == "{{comm}}"/ { @writev = count(); }
        tracepoint:raw_syscalls:sys_enter /comm == "{{comm}}" && args.id == 20/ { @raw20 = count(); }
        """;

    [KernelFact]
    public void RoutedAndOneByOneSeeTheSameEventsArgumentsAndReturnValues()
    {
        string workload = Workload.SyscallsPath;
        string comm = Path.GetFileName(workload);
        var routed = Run(["-v", "-e", Script(comm), "-c", workload], "always");
        var oneByOne = Run(["-v", "-e", Script(comm), "-c", workload], "never");

        Assert.True(routed.Code == 0, routed.Stderr);
        Assert.True(oneByOne.Code == 0, oneByOne.Stderr);
        Assert.Contains(RoutedNote, routed.Stderr);
        // Two programs on sys_enter_newuname: that syscall keeps its own perf events, the rest is routed.
        Assert.Contains("syscall tracepoints attached one by one: sys_enter_newuname: more than one program", routed.Stderr);
        Assert.DoesNotContain("routed", oneByOne.Stderr);
        Assert.Contains("Attached 9 probes", routed.Stderr);
        Assert.Contains("Attached 9 probes", oneByOne.Stderr);
        Assert.Equal("compat getpid ok\n\n\n" + Expected, routed.Stdout);
        Assert.Equal(oneByOne.Stdout, routed.Stdout);
        Leftovers.AssertNoneLeft(routed.Ids.Union(oneByOne.Ids).ToList());
    }

    [KernelFact]
    public void CompiledObjectsAreRoutedAtAttachTime()
    {
        string workload = Workload.SyscallsPath;
        string dir = Path.Combine(Path.GetTempPath(), "btlang-routing-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string script = Path.Combine(dir, "s.bt");
            string obj = Path.Combine(dir, "s.o");
            File.WriteAllText(script, Script(Path.GetFileName(workload)));
            var compile = BtlangProcess.Run("compile", script, "-o", obj);
            Assert.True(compile.Code == 0, compile.Stderr);

            var run = Run(["run", "-v", "-c", workload, obj], "always");
            Assert.True(run.Code == 0, run.Stderr);
            Assert.Contains(RoutedNote, run.Stderr);
            Assert.Contains("Attached 9 probes", run.Stderr);
            Assert.Equal("compat getpid ok\n\n\n" + Expected, run.Stdout);
            Leftovers.AssertNoneLeft(run.Ids);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [KernelFact]
    public void AWildcardIsRoutedByDefaultAndSeesEverySyscallButTheCompatOnes()
    {
        string workload = Workload.SyscallsPath;
        string comm = Path.GetFileName(workload);
        // Every syscall the workload makes once it runs has a syscalls:sys_enter_* event, except the 9 compat ones.
        string script = $$"""
            tracepoint:syscalls:sys_enter_* /comm == "{{comm}}"/ { @events = count(); }
            tracepoint:raw_syscalls:sys_enter /comm == "{{comm}}"/ { @raw = count(); }
            """;
        var run = Run(["-d", "libbpf", "-e", script, "-c", workload], null); // -d libbpf tells it as -v does

        Assert.True(run.Code == 0, run.Stderr);
        int events = Tracefs("sys_enter_*");
        Assert.Contains($"syscall tracepoints: {events} routed through raw_syscalls:sys_enter ({events} sys_enter_*)", run.Stderr);
        Assert.Contains($"Attached {events + 1} probes", run.Stderr);
        long routed = Value(run.Stdout, "@events");
        long raw = Value(run.Stdout, "@raw");
        Assert.True(routed > 30, run.Stdout); // the dynamic loader, stdio and the workload's own 18 calls
        Assert.Equal(raw - 9, routed);
        Leftovers.AssertNoneLeft(run.Ids);
    }

    [KernelFact]
    public void AFewSyscallTracepointsStayOneByOneByDefault()
    {
        string workload = Workload.SyscallsPath;
        var run = Run(["-v", "-e", Script(Path.GetFileName(workload)), "-c", workload], null);
        Assert.True(run.Code == 0, run.Stderr);
        Assert.Contains("syscall tracepoints: 6 attached one by one (routing through raw_syscalls starts at 12; BTLANG_SYSCALL_ROUTING=always routes any)", run.Stderr);
        Assert.Equal("compat getpid ok\n\n\n" + Expected, run.Stdout);
        Leftovers.AssertNoneLeft(run.Ids);
    }

    [KernelFact]
    public void AFailureAfterRoutingTakesTheDispatcherDownToo()
    {
        string ls = KernelFacts.UniqueCopyOf("/bin/ls", out _);
        var run = AttachFaultTests.RunWatched(
            ["-v", "-e", $"tracepoint:syscalls:sys_enter_* {{ @ = count(); }} uprobe:{ls}:btlang_no_such_symbol {{ @u = count(); }}"],
            ("BPFTRACE_MISSING_PROBES", "error"));

        Assert.Equal(1, run.Code);
        Assert.Contains("routed through raw_syscalls:sys_enter", run.Stderr); // routing came first, then the uprobe failed
        Assert.Contains($"cannot attach uprobe:{ls}:btlang_no_such_symbol", run.Stderr);
        Assert.DoesNotContain("Attached", run.Stderr);
        Assert.NotEmpty(run.Ids);
        Leftovers.AssertNoneLeft(run.Ids, ls);
    }

    private static (int Code, string Stdout, string Stderr, HashSet<int> Ids) Run(string[] arguments, string? routing) =>
        routing is null
            ? AttachFaultTests.RunWatched(arguments)
            : AttachFaultTests.RunWatched(arguments, ("BTLANG_SYSCALL_ROUTING", routing));

    private static int Tracefs(string pattern) =>
        Directory.GetDirectories("/sys/kernel/tracing/events/syscalls", pattern).Length;

    private static long Value(string stdout, string map) =>
        long.Parse(stdout.Split('\n').Single(l => l.StartsWith(map + ": ", StringComparison.Ordinal))[(map.Length + 2)..]);
}
