using BtLang.Runtime.Tests.Probes;
using static BtLang.Runtime.Tests.Probes.CheckedRun;

namespace BtLang.Runtime.Tests.Maps;

/// <summary>
/// <c>for ($kv : @map)</c> and <c>len(@map)</c> on the real kernel: the workload (Fixtures/workload.c) calls
/// bt_add(i, 40) for i in 0..4, the script fills maps from those calls and iterates them when the workload exits.
/// </summary>
public sealed class MapIterationTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private static string W => Workload.Path;

    [KernelFact]
    public void ForOverMapsReadsKeysValuesAndOuterVariables()
    {
        string script =
            $"uprobe:{W}:bt_add /pid == cpid/ {{ @sums[arg0] = arg0 + arg1; @parity[arg0 % 2] = count(); @big[arg0 % 2] = max(arg0); @names[arg0, \"n\"] = arg0 * 10; }}\n" +
            "tracepoint:syscalls:sys_enter_exit_group /pid == cpid/ {\n" +
            "  $sum = 0; $n = 0; $even = 0; $odd = 0;\n" +
            "  for ($kv : @sums) { $sum += $kv.1; $n++; }\n" +
            "  printf(\"for: sum=%d n=%d len=%d\\n\", $sum, $n, len(@sums));\n" +
            "  for ($kv : @parity) { if ($kv.0 == 0) { $even = $kv.1; } else { $odd = $kv.1; } }\n" +
            "  printf(\"for: even=%d odd=%d len=%d\\n\", $even, $odd, len(@parity));\n" +
            "  $maxodd = 0; for ($kv : @big) { if ($kv.0 == 1) { $maxodd = $kv.1; } }\n" +
            "  printf(\"for: max odd=%d\\n\", $maxodd);\n" +
            "  $visits = 0; for ($kv : @sums) { $visits++; break; }\n" +
            "  printf(\"for: break after %d\\n\", $visits);\n" +
            "  $skipped = 0; for ($kv : @sums) { if ($kv.0 != 3) { continue; } $skipped = $kv.1; }\n" +
            "  printf(\"for: key 3 holds %d\\n\", $skipped);\n" +
            "  $tuple = 0; for ($kv : @names) { if ($kv.0.0 == 2) { printf(\"for: tuple key %d,%s -> %d\\n\", $kv.0.0, $kv.0.1, $kv.1); } }\n" +
            "  $pairs = 0; for ($a : @sums) { for ($b : @sums) { if ($a.0 < $b.0) { $pairs++; } } }\n" +
            "  printf(\"for: nested pairs=%d\\n\", $pairs);\n" +
            "  clear(@sums); clear(@parity); clear(@big); clear(@names);\n" +
            "}\n";
        var (code, stdout, stderr) = RunChecked("-e", script, "-c", $"{W} 5 go");
        Assert.True(code == 0, stderr);
        Assert.Equal(
            new[]
            {
                "for: sum=210 n=5 len=5",
                "for: even=3 odd=2 len=2",
                "for: max odd=3",
                "for: break after 1",
                "for: key 3 holds 43",
                "for: tuple key 2,n -> 20",
                "for: nested pairs=10",
            },
            Lines(stdout, "for: "));
    }

    [KernelFact]
    public void ReturnInsideForEndsTheProbe()
    {
        string script =
            $"uprobe:{W}:bt_add /pid == cpid/ {{ @seen[arg0] = 1; for ($kv : @seen) {{ if ($kv.0 == 2) {{ return; }} }} @after[arg0] = count(); }}\n" +
            "END { printf(\"ret: len=%d\\n\", len(@after)); clear(@seen); }";
        var (code, stdout, stderr) = RunChecked("-e", script, "-c", $"{W} 4 go");
        Assert.True(code == 0, stderr);
        // Calls 0 and 1 run to the end; from call 2 on, key 2 is in @seen and every call returns inside the loop.
        Assert.Equal(new[] { "ret: len=2" }, Lines(stdout, "ret: "));
        Assert.Equal(new[] { "@after[0]: 1", "@after[1]: 1" }, Lines(stdout, "@after"));
    }
}
