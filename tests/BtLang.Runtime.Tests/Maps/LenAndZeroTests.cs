using BtLang.Runtime.Tests.Probes;
using static BtLang.Runtime.Tests.Probes.CheckedRun;

namespace BtLang.Runtime.Tests.Maps;

/// <summary>
/// <c>len(@map)</c> of every map kind and <c>zero()</c> of tseries maps on the real kernel, pinned to bpftrace 0.26
/// (bpftrace 0.17 has neither len() nor tseries). The workload (Fixtures/workload.c) calls bt_add(i, 40) for
/// i in 0..4 and the script fills its maps from those calls only (pid == cpid).
/// </summary>
public sealed class LenAndZeroTests
{
    private static string W => Workload.Path;

    [KernelFact]
    public void LenCountsTheElementsOfEveryMapKindAsBpftrace026()
    {
        // bpftrace 0.26 counts the BPF elements of the map (bpf_map_sum_elem_count or bpf_for_each_map_elem): one per
        // key, but hist/lhist keep one per (key, bucket) and tseries one per (key, interval slot).
        //   hist, key 0: 0 [0], 2 [2,4), 4 [4,8); key 1: 1 [1], 3 [2,4)  -> 5
        //   lhist(0, 10, 2): 0 1 [0,2), 2 3 [2,4), 4 [4,6)                -> 3
        //   tseries, 1h intervals: all calls in one interval, two keys     -> 2
        string script =
            $"uprobe:{W}:bt_add /pid == cpid/ {{\n" +
            "  @c[arg0 % 2] = count(); @s[arg0 % 3] = sum(arg0); @a[arg0] = avg(arg0); @st[arg0 % 2] = stats(arg0);\n" +
            "  @mn[arg0 % 2] = min(arg0); @mx[1] = max(arg0); @p[arg0, \"k\"] = arg1; @str[arg0 % 4] = \"x\";\n" +
            "  @h[arg0 % 2] = hist(arg0); @l[1] = lhist(arg0, 0, 10, 2); @t[arg0 % 2] = tseries(arg0, 1h, 3);\n" +
            "}\n" +
            "tracepoint:syscalls:sys_enter_exit_group /pid == cpid/ {\n" +
            "  printf(\"len: c=%d s=%d a=%d st=%d mn=%d mx=%d p=%d str=%d\\n\", len(@c), len(@s), len(@a), len(@st), len(@mn), len(@mx), len(@p), len(@str));\n" +
            "  printf(\"len: h=%d l=%d t=%d\\n\", len(@h), len(@l), len(@t));\n" +
            "  delete(@c, 0); delete(@p, (4, \"k\"));\n" +
            "  printf(\"len: after delete c=%d p=%d\\n\", len(@c), len(@p));\n" +
            "  clear(@c); clear(@s); clear(@a); clear(@st); clear(@mn); clear(@mx); clear(@p); clear(@str); clear(@h); clear(@l); clear(@t);\n" +
            "}\n";
        var (code, stdout, stderr) = RunChecked("-e", script, "-c", $"{W} 5 go");
        Assert.True(code == 0, stderr);
        Assert.Equal(
            new[]
            {
                "len: c=2 s=3 a=5 st=2 mn=2 mx=1 p=5 str=4",
                "len: h=5 l=3 t=2",
                "len: after delete c=1 p=4",
            },
            Lines(stdout, "len: "));
    }

    [KernelFact]
    public void LenOfAScalarMapIsAnErrorAsInBpftrace026()
    {
        var (code, _, stderr) = BtlangProcess.Run("-e", "BEGIN { @s = 1; @h = hist(3); printf(\"%d\\n\", len(@h)); exit(); }");
        Assert.Equal(1, code);
        Assert.Contains("call to len() expects a map with explicit keys (non-scalar map): @h has none", stderr, StringComparison.Ordinal);
        Assert.Contains("BT1063", stderr, StringComparison.Ordinal);
    }

    [KernelFact]
    public void ZeroKeepsTheKeysOfATSeriesMapAndPrintsNoDataLikeBpftrace026()
    {
        // zero() sets every element to zero bytes (epoch 0): bpftrace 0.26 keeps the keys and, with every key's newest
        // epoch 0, prints each series as "<no data>" (and a count map's keys as 0).
        string script =
            $"uprobe:{W}:bt_add /pid == cpid/ {{ @s[arg0 % 2] = tseries(arg1, 1h, 3, \"sum\"); @n = tseries(arg0, 1h, 2); @c[arg0 % 2] = count(); }}\n" +
            "END { zero(@s); zero(@n); zero(@c); }";
        var (code, stdout, stderr) = RunChecked("-e", script, "-c", $"{W} 5 go");
        Assert.True(code == 0, stderr);
        Assert.Equal(
            "\n\n" +
            "@c[0]: 0\n" +
            "@c[1]: 0\n" +
            "@n:\n<no data>\n" +
            "@s[0]:\n<no data>\n" +
            "@s[1]:\n<no data>\n",
            WithoutWorkloadLine(stdout));

        var json = RunChecked("-f", "json", "-e", script, "-c", $"{W} 5 go");
        Assert.True(json.Code == 0, json.Stderr);
        Assert.Equal(
            new[]
            {
                "{\"type\": \"map\", \"data\": {\"@c\": {\"0\": 0, \"1\": 0}}}",
                "{\"type\": \"tseries\", \"data\": {\"@n\": []}}",
                "{\"type\": \"tseries\", \"data\": {\"@s\": {\"0\": [], \"1\": []}}}",
            },
            Lines(json.Stdout, "{\"type\": \"").Where(l => !l.Contains("attached_probes", StringComparison.Ordinal)));
    }

    /// <summary>The workload prints one line (an address) on the same stdout; drop it.</summary>
    private static string WithoutWorkloadLine(string stdout) =>
        string.Join('\n', stdout.Split('\n').Where(l => !l.StartsWith("0x", StringComparison.Ordinal)));
}
