using BtLang.Runtime.Tests.Probes;

namespace BtLang.Runtime.Tests.Maps;

/// <summary>
/// has_key() and delete() on keyed hist/lhist/tseries maps, which are stored as one BPF entry per (key, bucket): the
/// workload (Fixtures/workload.c) calls bt_add(i, 40) for i in 0..4, so no value lands in bucket 0 of any key.
/// </summary>
public sealed class BucketedKeyTests
{
    private static string W => Workload.Path;

    [KernelFact]
    public void HasKeySeesEveryBucketAndDeleteRemovesThemAll()
    {
        string script =
            $"uprobe:{W}:bt_add /pid == cpid/ {{ @h[arg0 % 2] = hist(arg1 * 100); @l[arg0 % 2] = lhist(arg1 + arg0, 0, 100, 10); @t[arg0 % 2] = tseries(arg1, 1h, 5); }}\n" +
            "tracepoint:syscalls:sys_enter_exit_group /pid == cpid/ {\n" +
            "  printf(\"before: %d %d %d %d %d %d %d\\n\", has_key(@h, 0), has_key(@h, 1), has_key(@h, 2), has_key(@l, 0), has_key(@l, 1), has_key(@t, 1), has_key(@t, 7));\n" +
            "  delete(@h, 0); delete(@l[1]); delete(@t, 1);\n" +
            "  printf(\"after: %d %d %d %d %d %d\\n\", has_key(@h, 0), has_key(@h, 1), has_key(@l, 0), has_key(@l, 1), has_key(@t, 0), has_key(@t, 1));\n" +
            "  clear(@h); clear(@l); clear(@t);\n" +
            "}\n";
        var before = KernelFacts.LoadedPrograms();
        var (code, stdout, stderr) = BtlangProcess.Run("-e", script, "-c", $"{W} 5 go");
        Leaks.AssertNoneSince(before, Leaks.ProgramTypesOf(script));
        Assert.True(code == 0, stderr);
        Assert.Equal(
            new[] { "before: 1 1 0 1 1 1 0", "after: 0 1 1 0 1 0" },
            stdout.Split('\n').Where(l => l.StartsWith("before:", StringComparison.Ordinal) || l.StartsWith("after:", StringComparison.Ordinal)).ToArray());
    }
}
