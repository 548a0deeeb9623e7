using BtLang.Runtime.Tests.Probes;
using static BtLang.Runtime.Tests.Probes.CheckedRun;

namespace BtLang.Runtime.Tests.Functions;

/// <summary>
/// End-to-end tests of the non-map language functions through the built <c>btlang</c> on the real kernel: each traces
/// only a workload it starts (or BEGIN), checks exact output, and ends with nothing of ours loaded.
/// </summary>
public sealed class LanguageFunctionTests
{
    private static string W => Workload.Path;

    [KernelFact]
    public void StrContainsWithLiteralAndRunTimeNeedles()
    {
        // The workload lives in .../btlang-probe-tests/btwXXXXXXXXXX; its execve filename is that path.
        // Literal needles in one probe, run-time needles (nested loops, heavier to verify) in another.
        string script =
            "tracepoint:syscalls:sys_enter_execve /pid == cpid/ {\n" +
            "  $path = str(args.filename);\n" +
            "  printf(\"sl %d %d %d\\n\", strcontains($path, \"btw\"), strcontains($path, \"zz\"), strcontains($path, \"\"));\n" +
            "  @[strcontains($path, \"/btw\")] = count();\n" +
            "}\n" +
            "tracepoint:syscalls:sys_enter_execve /pid == cpid/ {\n" +
            "  $path = str(args.filename); $dir = \"probe-tests/\";\n" +
            "  printf(\"sn %d\\n\", strcontains($path, $dir));\n" +
            "}\n" +
            "tracepoint:syscalls:sys_enter_execve /pid == cpid/ {\n" +
            "  $path = str(args.filename); $absent = \"tests/x\";\n" +
            "  printf(\"sm %d\\n\", strcontains($path, $absent));\n" +
            "}";
        var (code, stdout, stderr) = RunChecked("-e", script, "-c", $"{W} 1 go");
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { "sl 1 0 1" }, Lines(stdout, "sl "));
        Assert.Equal(new[] { "sn 1" }, Lines(stdout, "sn "));
        Assert.Equal(new[] { "sm 0" }, Lines(stdout, "sm "));
        Assert.Equal(new[] { "@[true]: 1" }, Lines(stdout, "@"));
    }

    [KernelFact]
    public void StrErrorPrintsTheErrorText()
    {
        string script = "BEGIN { printf(\"%s|%s\\n\", strerror(2), strerror(13)); print(strerror(4)); @e[strerror(1)] = count(); @v = strerror(-3); exit(); }";
        var (code, stdout, stderr) = RunChecked("-e", script);
        Assert.True(code == 0, stderr);
        Assert.Equal(
            "No such file or directory|Permission denied\nInterrupted system call\n\n\n@e[Operation not permitted]: 1\n@v: Unknown error -3\n",
            stdout);
    }

    [KernelFact]
    public void StrErrorOfAFailedOpenOfTheWorkload()
    {
        // The workload's dynamic loader probes a few paths that do not exist before it finds libc: ENOENT.
        string script = "tracepoint:syscalls:sys_exit_openat /pid == cpid && args.ret < 0/ { @[strerror(-args.ret)] = count(); }";
        var (code, stdout, stderr) = RunChecked("-e", script, "-c", $"{W} 1 go");
        Assert.True(code == 0, stderr);
        Assert.All(Lines(stdout, "@"), l => Assert.Matches(@"^@\[No such file or directory\]: \d+$", l));
    }

    [KernelFact]
    public void CatPrintsAFileNamedByAFormat()
    {
        string dir = Path.Combine(Path.GetTempPath(), "btlang-cat-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "a.txt"), "first line\nsecond\n");
            var (code, stdout, stderr) = RunChecked("-e", $"BEGIN {{ cat(\"%s/%s.txt\", \"{dir}\", \"a\"); cat(\"{dir}/a.txt\"); exit(); }}");
            Assert.True(code == 0, stderr);
            Assert.StartsWith("first line\nsecond\nfirst line\nsecond\n", stdout);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [KernelFact]
    public void WildcardTracepointArgsAcrossFormats()
    {
        // sys_enter_write (unsigned int fd) and sys_enter_writev (unsigned long fd) differ: one program each. The
        // workload writes the address of its global to stdout once.
        var (code, stdout, stderr) = RunChecked("-e", "tracepoint:syscalls:sys_enter_write* /pid == cpid/ { @[probe, args.fd] = count(); }", "-c", $"{W} 1 go");
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { "@[tracepoint:syscalls:sys_enter_write, 1]: 1" }, Lines(stdout, "@"));
        Assert.Contains("Attached 2 probes", stderr);
    }

    [KernelFact]
    public void AddressOfVariablesMapValuesAndFieldsReadsBackThroughDereference()
    {
        string script =
            "BEGIN { $x = 42; $p = &$x; @m[1] = 7; $q = &@m[1]; $s = \"text\"; $sp = &$s;\n" +
            "  printf(\"addr %d %d %d %s\\n\", *$p, *$q, &@m[2] == 0, str($sp));\n" +
            "  $t = curtask; printf(\"field %d %d %d\\n\", *(&$t->prio) == $t->prio, *(&$t->pid) == tid, sizeof($t->pid)); exit(); }";
        var (code, stdout, stderr) = RunChecked("-e", script);
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { "addr 42 7 1 text" }, Lines(stdout, "addr "));
        Assert.Equal(new[] { "field 1 1 4" }, Lines(stdout, "field ")); // pid_t is a typedef of int: 4 bytes
    }

    [KernelFact]
    public void MacAddressFromBytesAndFromAnAddress()
    {
        string script = "BEGIN { $x = 0x060504030201; printf(\"mac %s %s\\n\", macaddr(\"ABCDEF\"), macaddr(&$x)); @m = macaddr(\"\\x00\\x1b\\x44\\x11\\x3a\\x2b\"); exit(); }";
        var (code, stdout, stderr) = RunChecked("-e", script);
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { "mac 41:42:43:44:45:46 01:02:03:04:05:06" }, Lines(stdout, "mac "));
        Assert.Equal(new[] { "@m: 00:1B:44:11:3A:2B" }, Lines(stdout, "@m"));
    }

    [KernelFact]
    public void CgroupPathOfTheRootAndOfACgroupTheTestMakes()
    {
        string unified = "/sys/fs/cgroup/unified";
        if (!Directory.Exists(unified))
        {
            unified = "/sys/fs/cgroup"; // a cgroup v2-only machine
        }

        string name = "btlang-test-" + Guid.NewGuid().ToString("N")[..8];
        string dir = Path.Combine(unified, name);
        Directory.CreateDirectory(dir);
        using var workload = Workload.StartWaiting(rounds: 2);
        try
        {
            File.WriteAllText(Path.Combine(dir, "cgroup.procs"), workload.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            string script =
                $"tracepoint:syscalls:sys_enter_getpid /pid == {workload.Id}/ {{ printf(\"cg %s|%s\\n\", cgroup_path(cgroup, \"unified\"), cgroup_path(cgroup)); exit(); }}\n" +
                "BEGIN { printf(\"root %s\\n\", cgroup_path(1, \"unified\")); }";
            var before = KernelFacts.LoadedPrograms();
            using var btlang = BtlangProcess.Start("-e", script);
            btlang.WaitUntilAttached();
            workload.StandardOutput.ReadLine(); // the address line
            Workload.Release(workload);
            int code = btlang.WaitForExit(TimeSpan.FromSeconds(60));
            Assert.True(code == 0, btlang.Stderr);
            Assert.Equal(new[] { "root unified:/" }, Lines(btlang.Stdout, "root "));
            var line = Assert.Single(Lines(btlang.Stdout, "cg "));
            Assert.StartsWith($"cg unified:/{name}|unified:/{name}", line, StringComparison.Ordinal);
            Leaks.AssertNoneSince(before);
        }
        finally
        {
            if (!workload.HasExited)
            {
                workload.Kill();
                workload.WaitForExit(5000);
            }

            for (int i = 0; i < 50 && Directory.Exists(dir); i++)
            {
                try
                {
                    Directory.Delete(dir);
                }
                catch (IOException)
                {
                    Thread.Sleep(100); // the exited workload leaves the cgroup a moment later
                }
            }
        }
    }

    [KernelFact]
    public void UnwatchStopsAWatchpointAfterItsFirstHit()
    {
        var before = KernelFacts.LoadedPrograms();
        // unwatch() is acted on in user space, so the workload pauses between its writes (as a real one would).
        using var workload = Workload.StartWaiting(rounds: 3, lingerMs: 0, roundMs: 300);
        try
        {
            string address = workload.StandardOutput.ReadLine()!;
            string script = $"watchpoint:{address}:8:w {{ @writes = count(); unwatch({address}); }}";
            using var btlang = BtlangProcess.Start("-p", workload.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "-e", script);
            btlang.WaitUntilAttached();
            Workload.Release(workload);
            btlang.WaitForExit(TimeSpan.FromSeconds(60)); // the run ends when the traced process exits
            Assert.Equal(new[] { "@writes: 1" }, Lines(btlang.Stdout, "@"));
        }
        finally
        {
            if (!workload.HasExited)
            {
                workload.Kill();
            }
        }

        Leaks.AssertNoneSince(before);
    }

    [KernelFact]
    public void ImportOfAHeaderBesideTheScript()
    {
        string dir = Path.Combine(Path.GetTempPath(), "btlang-import-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "types.h"), "#define LIMIT 16\nstruct pair { int a; long b; };\n");
            string script = Path.Combine(dir, "main.bt");
            File.WriteAllText(script, "import \"types.h\";\nBEGIN { printf(\"imp %d %d\\n\", sizeof(struct pair), LIMIT); exit(); }\n");
            var (code, stdout, stderr) = RunChecked(script);
            Assert.True(code == 0, stderr);
            Assert.Equal(new[] { "imp 16 16" }, Lines(stdout, "imp "));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [KernelFact]
    public void IteratorsVisitTheTasksAndFilesOfTheWorkload()
    {
        var before = KernelFacts.LoadedPrograms();
        using var workload = Workload.StartWaiting(rounds: 1);
        try
        {
            workload.StandardOutput.ReadLine(); // it is up and blocked on stdin
            int w = workload.Id;
            string script =
                $"iter:task /ctx.task.tgid == {w}/ {{ printf(\"task %s %d\\n\", ctx.task.comm, ctx.task.pid == {w}); }}\n" +
                $"iter:task_file /ctx.task.tgid == {w} && ctx.fd < 3/ {{ printf(\"file %d %d\\n\", ctx.fd, ctx.file != 0); }}";
            var (code, stdout, stderr) = BtlangProcess.Run("-e", script);
            Assert.True(code == 0, stderr);
            Assert.Equal(new[] { $"task {Workload.Comm} 1" }, Lines(stdout, "task "));
            Assert.Equal(new[] { "file 0 1", "file 1 1", "file 2 1" }, Lines(stdout, "file "));
            Assert.Contains("Attached 2 probes", stderr);
        }
        finally
        {
            if (!workload.HasExited)
            {
                workload.Kill();
            }
        }

        Leaks.AssertNoneSince(before);
    }

    [KernelFact]
    public void KernelEnumValuesAreIdentifiersFromBtf()
    {
        // tcplife.bt compares with TCP_FIN_WAIT1 (an anonymous enum of include/net/tcp_states.h) and bpftrace resolves it
        // from BTF; TASK_COMM_LEN is a named enum's value. A name no enum declares stays an unknown identifier.
        var (code, stdout, stderr) = RunChecked("-e", "BEGIN { printf(\"%d %d %d\\n\", TCP_FIN_WAIT1, TCP_CLOSE, TASK_COMM_LEN); exit(); }");
        Assert.True(code == 0, stderr);
        Assert.Equal("4 7 16\n\n\n", stdout); // and the blank lines of the (empty) exit-time map print

        var (badCode, _, badStderr) = RunChecked("-e", "BEGIN { printf(\"%d\\n\", TCP_NO_SUCH_STATE); exit(); }");
        Assert.Equal(1, badCode);
        Assert.Contains("Unknown identifier: 'TCP_NO_SUCH_STATE'", badStderr);
    }

    [KernelFact]
    public void NtopTakesAKernelByteArrayFieldLikeTcplife()
    {
        // tcplife.bt/tcpconnect.bt pass skc_v6_daddr.in6_u.u6_addr8 (a BTF unsigned char[16], which BtLang types as a
        // string) to ntop. The child connects to a listener of this test on ::1; its connect() changes the socket state.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.IPv6Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        string script =
            "tracepoint:sock:inet_sock_set_state /pid == cpid && args.family == 10/ { " +
            "printf(\"%s\\n\", ntop(((struct sock *)args.skaddr)->__sk_common.skc_v6_daddr.in6_u.u6_addr8)); }";
        var (code, stdout, stderr) = RunChecked("-e", script, "-c", $"/bin/bash -c 'exec 3<>/dev/tcp/::1/{port}'");
        Assert.True(code == 0, stderr);
        Assert.Equal("::1", stdout.Split('\n')[0]);
    }
}
