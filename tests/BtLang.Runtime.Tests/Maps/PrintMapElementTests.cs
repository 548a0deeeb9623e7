using static BtLang.Runtime.Tests.Probes.CheckedRun;

namespace BtLang.Runtime.Tests.Maps;

/// <summary>
/// <c>print(@m[k])</c> of one key of every aggregation kind (bpftrace 0.21+): the element is read in user space,
/// merged over CPUs, and printed as a value as bpftrace 0.26 prints it: integers for count/sum/avg/min/max, the stats
/// record <c>{ .count = .., .average = .., .total = .. }</c>, histogram rows for hist/lhist (then a blank line). A
/// missing key prints a zero value (no rows for a histogram).
/// </summary>
public sealed class PrintMapElementTests
{
    private const string Fill =
        "@c[1] = count(); @c[1] = count(); @su[1] = sum(5); @su[1] = sum(-8); @a[1] = avg(5); @a[1] = avg(8);\n" +
        "  @mn[1] = min(5); @mn[1] = min(-2); @mx[1] = max(5); @mx[1] = max(9); @s[1] = stats(5); @s[1] = stats(7);\n" +
        "  @h[1] = hist(5); @h[1] = hist(100); @l[\"k\", 2] = lhist(5, 0, 10, 1);\n";

    private const string ClearAll = "clear(@c); clear(@su); clear(@a); clear(@mn); clear(@mx); clear(@s); clear(@h); clear(@l);";

    [KernelFact]
    public void PrintsOneKeyOfEveryAggregationKind()
    {
        string script =
            "BEGIN {\n  " + Fill +
            "  print(@c[1]); print(@su[1]); print(@a[1]); print(@mn[1]); print(@mx[1]); print(@s[1]);\n" +
            "  print(@h[1]); print(@l[\"k\", 2]);\n" +
            "  print(@c[2]); print(@s[2]); print(@h[2]); print(\"end\");\n" +
            "  " + ClearAll + " exit();\n}";
        var (code, stdout, stderr) = RunChecked("-e", script);
        Assert.True(code == 0, stderr);
        Assert.Equal(
            "2\n-3\n6\n-2\n9\n{ .count = 2, .average = 6, .total = 12 }\n" +
            "[4, 8)                 1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|\n" +
            "[8, 16)                0 |                                                    |\n" +
            "[16, 32)               0 |                                                    |\n" +
            "[32, 64)               0 |                                                    |\n" +
            "[64, 128)              1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|\n" +
            "\n" +
            "[5]                    1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|\n" +
            "\n" +
            "0\n{ .count = 0, .average = 0, .total = 0 }\nend\n\n\n",
            stdout);
    }

    [KernelFact]
    public void PrintsOneKeyAsJsonValues()
    {
        string script = "BEGIN {\n  " + Fill + "  print(@s[1]); print(@h[1]); print(@c[1]);\n  " + ClearAll + " exit();\n}";
        var (code, stdout, stderr) = RunChecked("-f", "json", "-e", script);
        Assert.True(code == 0, stderr);
        Assert.Equal(
            new[]
            {
                "{\"type\": \"value\", \"data\": {\"count\": 2, \"average\": 6, \"total\": 12}}",
                "{\"type\": \"value\", \"data\": [{\"min\": 4, \"max\": 7, \"count\": 1},{\"min\": 8, \"max\": 15, \"count\": 0}," +
                "{\"min\": 16, \"max\": 31, \"count\": 0},{\"min\": 32, \"max\": 63, \"count\": 0},{\"min\": 64, \"max\": 127, \"count\": 1}]}",
                "{\"type\": \"value\", \"data\": 2}",
            },
            Lines(stdout, "{\"type\": \"value\""));
    }
}
