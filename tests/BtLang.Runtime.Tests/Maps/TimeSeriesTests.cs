using System.Text.RegularExpressions;
using BtLang.Runtime.Tests.Probes;

namespace BtLang.Runtime.Tests.Maps;

/// <summary>
/// tseries() on the real kernel: the workload (Fixtures/workload.c) calls bt_add(i, 40) for i in 0..4; with one-hour
/// intervals every call lands in the same interval, so each series has one point whose value is known exactly.
/// </summary>
public sealed partial class TimeSeriesTests
{
    private static string W => Workload.Path;

    [GeneratedRegex(@"^(\d\d:\d\d:\d\d\.000000000) \|", RegexOptions.Multiline)]
    private static partial Regex IntervalStart();

    [KernelFact]
    public void SeriesHoldTheAggregatedValueOfTheirInterval()
    {
        string script =
            $"uprobe:{W}:bt_add /pid == cpid/ {{ @s = tseries(arg0, 1h, 3, \"sum\"); @k[arg0 % 2] = tseries(arg1, 1h, 2, \"max\"); @last = tseries(arg0, 1h, 1); }}";
        var before = KernelFacts.LoadedPrograms();
        var (code, stdout, stderr) = BtlangProcess.Run("-e", script, "-c", $"{W} 5 go");
        Leaks.AssertNoneSince(before);
        Assert.True(code == 0, stderr);

        // The interval start is the current hour (CLOCK_TAI based): take it from the output, then compare all of it.
        var match = IntervalStart().Match(stdout);
        Assert.True(match.Success, stdout);
        string t = match.Groups[1].Value;
        Assert.EndsWith(":00.000000000", t, StringComparison.Ordinal);
        string expected =
            "\n\n" +
            "@k[0]:\n" +
            "                   39                                                 41\n" +
            "hh:mm:ss.ns        |___________________________________________________|\n" +
            "{T} |                         *                         | 40\n" +
            "                   v___________________________________________________v\n" +
            "                   39                                                 41\n" +
            "\n" +
            "@k[1]:\n" +
            "                   39                                                 41\n" +
            "hh:mm:ss.ns        |___________________________________________________|\n" +
            "{T} |                         *                         | 40\n" +
            "                   v___________________________________________________v\n" +
            "                   39                                                 41\n" +
            "\n" +
            "@last:\n" +
            "                   3                                                   5\n" +
            "hh:mm:ss.ns        |___________________________________________________|\n" +
            "{T} |                         *                         | 4\n" +
            "                   v___________________________________________________v\n" +
            "                   3                                                   5\n" +
            "\n" +
            "@s:\n" +
            "                   9                                                  11\n" +
            "hh:mm:ss.ns        |___________________________________________________|\n" +
            "{T} |                         *                         | 10\n" +
            "                   v___________________________________________________v\n" +
            "                   9                                                  11\n" +
            "\n";
        Assert.Equal(expected.Replace("{T}", t, StringComparison.Ordinal), StripWorkloadLine(stdout));
    }

    [KernelFact]
    public void JsonListsTheIntervalStartAndValue()
    {
        string script = $"uprobe:{W}:bt_add /pid == cpid/ {{ @s = tseries(arg0, 1h, 3, \"avg\"); }}";
        var (code, stdout, stderr) = BtlangProcess.Run("-f", "json", "-e", script, "-c", $"{W} 5 go");
        Assert.True(code == 0, stderr);
        var line = stdout.Split('\n').Single(l => l.Contains("\"tseries\"", StringComparison.Ordinal));
        Assert.Matches(@"^\{""type"": ""tseries"", ""data"": \{""@s"": \[\{""interval_start"": ""\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000000000"", ""value"": 2\}\]\}\}$", line);
    }

    /// <summary>The workload prints one line (an address) on the same stdout; drop it.</summary>
    private static string StripWorkloadLine(string stdout) =>
        string.Join('\n', stdout.Split('\n').Where(l => !l.StartsWith("0x", StringComparison.Ordinal)));
}
