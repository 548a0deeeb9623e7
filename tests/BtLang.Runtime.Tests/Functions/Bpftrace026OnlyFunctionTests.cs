using static BtLang.Runtime.Tests.Probes.CheckedRun;

namespace BtLang.Runtime.Tests.Functions;

/// <summary>
/// Functions and value kinds bpftrace 0.17 lacks, so no side-by-side run is possible: their text and JSON are
/// pinned to bpftrace 0.26 as BPFTRACE.md records it (bool as true/false since 0.24, records as { .a = 1 },
/// hist(v, k) sub-buckets since 0.20, print(@m[k]) since 0.21, exit(code) since 0.21, has_key since 0.22,
/// strcontains returning bool since 0.24). len(), zero() of tseries and tseries itself are in Maps/.
/// </summary>
public sealed class Bpftrace026OnlyFunctionTests
{
    private const string Script =
        "BEGIN { @m[1] = 5; @c[\"a\"] = count(); @c[\"a\"] = count(); print(@m[1]); print(@c[\"a\"]); " +
        "print(has_key(@m, 1)); print(has_key(@m, 2)); print(strcontains(\"abc\", \"b\")); @b[has_key(@m, 1)] = count(); " +
        "print(true); print((a=1, b=\"x\")); print((1, true)); printf(\"%d %d\\n\", jiffies > 0, ncpus > 0); delete(@m, 1); exit(3); }";

    [KernelFact]
    public void BoolsRecordsAndMapValuesPrintAsBpftrace026()
    {
        var (code, stdout, stderr) = RunChecked("-e", Script);
        Assert.True(code == 3, $"exit(3) must be the exit code, got {code}: {stderr}");
        Assert.Equal(
            "5\n2\ntrue\nfalse\ntrue\ntrue\n{ .a = 1, .b = x }\n(1, true)\n1 1\n" +
            "\n\n@b[true]: 1\n@c[a]: 2\n",
            stdout);
    }

    [KernelFact]
    public void BoolsRecordsAndMapValuesAsJsonLikeBpftrace026()
    {
        var (code, stdout, stderr) = RunChecked("-f", "json", "-e", Script);
        Assert.True(code == 3, stderr);
        Assert.Equal(
            new[]
            {
                "{\"type\": \"attached_probes\", \"count\": 1, \"data\": {\"probes\": 1}}",
                "{\"type\": \"value\", \"data\": 5}",
                "{\"type\": \"value\", \"data\": 2}",
                "{\"type\": \"value\", \"data\": true}",
                "{\"type\": \"value\", \"data\": false}",
                "{\"type\": \"value\", \"data\": true}",
                "{\"type\": \"value\", \"data\": true}",
                "{\"type\": \"value\", \"data\": {\"a\": 1, \"b\": \"x\"}}",
                "{\"type\": \"value\", \"data\": [1,true]}",
                "{\"type\": \"printf\", \"data\": \"1 1\\n\"}",
                "{\"type\": \"map\", \"data\": {\"@b\": {\"true\": 1}}}",
                "{\"type\": \"map\", \"data\": {\"@c\": {\"a\": 2}}}",
            },
            stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [KernelFact]
    public void HistWithSubBucketsPrintsAsBpftrace026()
    {
        // hist(v, 2): four buckets per power of two; 0..7 get single-value rows, then [8, 10), [10, 12), ...
        var (code, stdout, stderr) = RunChecked("-e", "BEGIN { @x = hist(3, 2); @x = hist(9, 2); @x = hist(0, 2); @x = hist(13, 2); exit(); }");
        Assert.True(code == 0, stderr);
        Assert.Equal(
            "\n\n@x:\n" +
            "[0]                    1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|\n" +
            "[1]                    0 |                                                    |\n" +
            "[2]                    0 |                                                    |\n" +
            "[3]                    1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|\n" +
            "[4]                    0 |                                                    |\n" +
            "[5]                    0 |                                                    |\n" +
            "[6]                    0 |                                                    |\n" +
            "[7]                    0 |                                                    |\n" +
            "[8, 10)                1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|\n" +
            "[10, 12)               0 |                                                    |\n" +
            "[12, 14)               1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|\n" +
            "\n",
            stdout);
    }
}
