namespace BtLang.Runtime.Tests;

/// <summary>Maps and aggregations computed in the kernel print exactly as today's bpftrace prints them.</summary>
public sealed class OutputFormatTests
{
    private const string Aggregations = """
        BEGIN {
          @c["bash"] = count(); @c["bash"] = count(); @c["zsh"] = count();
          @int[3] = 30; @int[1] = 10; @int[-2] = 5; @int[2] = 20;
          @tup[1, "a"] = 7; @tup[2, "b"] = 3;
          @avg = avg(10); @avg = avg(21);
          @min = min(4); @min = min(-3);
          @max = max(4); @max = max(9);
          @st = stats(2); @st = stats(10);
          @sum = sum(5); @sum = sum(6);
          @str = "hello";
          exit();
        }
        """;

    [KernelFact]
    public void AggregationsAndPlainMapsPrintLikeBpftrace()
    {
        var (code, stdout, stderr) = BtlangProcess.Run("-e", Aggregations);
        Assert.True(code == 0, stderr);
        Assert.Equal(
            "\n\n" +
            "@avg: 15\n" +
            "@c[zsh]: 1\n" +
            "@c[bash]: 2\n" +
            "@int[-2]: 5\n" +
            "@int[1]: 10\n" +
            "@int[2]: 20\n" +
            "@int[3]: 30\n" +
            "@max: 9\n" +
            "@min: -3\n" +
            "@st: { .count = 2, .average = 6, .total = 12 }\n" +
            "@str: hello\n" +
            "@sum: 11\n" +
            "@tup[2, b]: 3\n" +
            "@tup[1, a]: 7\n",
            stdout);
    }

    [KernelFact]
    public void HistogramsPrintBucketsBarsAndLabels()
    {
        var (code, stdout, stderr) = BtlangProcess.Run("-e",
            "BEGIN { @h = hist(-1); @h = hist(0); @h = hist(1); @h = hist(2); @h = hist(3); @h = hist(7); @h = hist(20); @h = hist(1500); " +
            "@lh = lhist(-5, 0, 10, 2); @lh = lhist(3, 0, 10, 2); @lh = lhist(3, 0, 10, 2); @lh = lhist(7, 0, 10, 2); @lh = lhist(100, 0, 10, 2); exit(); }");
        Assert.True(code == 0, stderr);
        string expected =
            "\n\n" +
            "@h:\n" +
            "(..., 0)               1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |\n" +
            "[0]                    1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |\n" +
            "[1]                    1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |\n" +
            "[2, 4)                 2 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|\n" +
            "[4, 8)                 1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |\n" +
            "[8, 16)                0 |                                                    |\n" +
            "[16, 32)               1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |\n" +
            "[32, 64)               0 |                                                    |\n" +
            "[64, 128)              0 |                                                    |\n" +
            "[128, 256)             0 |                                                    |\n" +
            "[256, 512)             0 |                                                    |\n" +
            "[512, 1K)              0 |                                                    |\n" +
            "[1K, 2K)               1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |\n" +
            "\n" +
            "@lh:\n" +
            "(..., 0)               1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |\n" +
            "[0, 2)                 0 |                                                    |\n" +
            "[2, 4)                 2 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|\n" +
            "[4, 6)                 0 |                                                    |\n" +
            "[6, 8)                 1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |\n" +
            "[8, 10)                0 |                                                    |\n" +
            "[10, ...)              1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |\n" +
            "\n";
        Assert.Equal(expected, stdout);
    }

    [KernelFact]
    public void HistogramRowsMatchBpftrace017SideBySide()
    {
        if (!File.Exists("/usr/bin/bpftrace"))
        {
            return; // the oracle is installed by scripts/setup.sh; nothing to compare against without it
        }

        const string script = "BEGIN { @h = hist(0); @h = hist(5); @h = hist(5); @h = hist(1000); @h = hist(70000); exit(); }";
        var ours = BtlangProcess.Run("-e", script);
        var (theirCode, theirs) = KernelFacts.Run("/usr/bin/bpftrace", "-e", script);
        Assert.True(ours.Code == 0, ours.Stderr);
        Assert.True(theirCode == 0, theirs);
        static IEnumerable<string> Rows(string text) => text.Split('\n').Where(l => l.StartsWith('[') || l.StartsWith('('));
        Assert.Equal(Rows(theirs), Rows(ours.Stdout));
    }

    [KernelFact]
    public void JsonOutputHasBpftracesShapes()
    {
        var (code, stdout, stderr) = BtlangProcess.Run("-f", "json", "-e",
            "BEGIN { printf(\"hi %d\\n\", 1); @c[\"a\"] = count(); @s = stats(4); @h = hist(5); @x = 3; exit(); }");
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("{\"type\": \"attached_probes\", \"data\": {\"probes\": 1}}", lines.Select(l => l.Replace("\"count\": 1, ", string.Empty, StringComparison.Ordinal)));
        Assert.Contains("{\"type\": \"printf\", \"data\": \"hi 1\\n\"}", lines);
        Assert.Contains("{\"type\": \"map\", \"data\": {\"@c\": {\"a\": 1}}}", lines);
        Assert.Contains("{\"type\": \"stats\", \"data\": {\"@s\": {\"count\": 1, \"average\": 4, \"total\": 4}}}", lines);
        Assert.Contains("{\"type\": \"hist\", \"data\": {\"@h\": [{\"min\": 4, \"max\": 7, \"count\": 1}]}}", lines);
        Assert.Contains("{\"type\": \"map\", \"data\": {\"@x\": 3}}", lines);
        foreach (var line in lines)
        {
            using var _ = System.Text.Json.JsonDocument.Parse(line); // every line is a JSON document
        }
    }

    [KernelFact]
    public void PrintfFormatsLikeC()
    {
        var (code, stdout, stderr) = BtlangProcess.Run("-e",
            "BEGIN { printf(\"int=%d neg=%d u=%u hex=%x HEX=%X oct=%o str=%s chr=%c pct=%% pad=[%5d] left=[%-5d] zero=[%05d] s10=[%10s]\\n\", 42, -1, -1, 255, 255, 8, \"abc\", 65, 7, 7, 7, \"hi\"); exit(); }");
        Assert.True(code == 0, stderr);
        Assert.Equal("int=42 neg=-1 u=4294967295 hex=ff HEX=FF oct=10 str=abc chr=A pct=% pad=[    7] left=[7    ] zero=[00007] s10=[        hi]\n\n\n", stdout);
    }

    [KernelFact]
    public void PrintMapMidRunAndClear()
    {
        var (code, stdout, stderr) = BtlangProcess.Run("-e",
            "BEGIN { @m[1] = 1; @m[2] = 2; @m[3] = 3; @m[4] = 40; print(@m, 2); print(@m, 2, 10); print(5); print((1, \"two\")); clear(@m); exit(); }");
        Assert.True(code == 0, stderr);
        Assert.Equal("@m[3]: 3\n@m[4]: 40\n@m[3]: 0\n@m[4]: 4\n5\n(1, two)\n\n\n", stdout);
    }
}
