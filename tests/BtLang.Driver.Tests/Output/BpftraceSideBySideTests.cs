using System.Diagnostics;
using BtLang.Driver.Output;
using BtLang.Emit.Metadata;
using BtLang.Semantics.Formatting;
using static BtLang.Driver.Tests.Output.TestMaps;

namespace BtLang.Driver.Tests.Output;

/// <summary>
/// Runs BEGIN-only scripts under the installed bpftrace (Debian's 0.17) and compares its histogram rows, map lines
/// and printf output with this renderer for the same values. Where 0.17 and 0.26 differ (the <c>@h: </c> header's
/// trailing space, the <c>Attaching</c> banner) only the unchanged parts are compared. Values stay below 2^32
/// because 0.17's log2 saturates there. Does nothing when bpftrace is not installed or we are not root.
/// </summary>
public class BpftraceSideBySideTests
{
    private static readonly long[] HistValues = BuildHistValues();

    private static long[] BuildHistValues()
    {
        var values = new List<long> { -5, -1, 0, 1, 1, 2, 3 };
        for (int p = 2; p < 32; p += 3)
        {
            values.AddRange([(1L << p) - 1, 1L << p, (1L << p) + 1]);
        }

        return values.ToArray();
    }

    private static readonly (long Min, long Max, long Step, long[] Values)[] LinearCases =
    [
        (0, 10, 2, [-5, 3, 3, 7, 100]),
        (0, 8192, 1024, [3000, 5000, 9000]),
        (10, 1000, 33, [9, 10, 42, 43, 500, 999, 1000, 5000]),
        (0, 4 * 1048576, 1048576, [1048576, 3 * 1048576 + 5]),
    ];

    [Fact]
    public void Histogram_rows_match_bpftrace()
    {
        var script = new System.Text.StringBuilder("BEGIN { ");
        foreach (long v in HistValues)
        {
            script.Append($"@h = hist({v}); ");
        }

        for (int i = 0; i < LinearCases.Length; i++)
        {
            var c = LinearCases[i];
            foreach (long v in c.Values)
            {
                script.Append($"@l{i} = lhist({v}, {c.Min}, {c.Max}, {c.Step}); ");
            }
        }

        script.Append("exit(); }");
        string? output = RunBpftrace(script.ToString());
        if (output is null)
        {
            return;
        }

        var blocks = ParseBlocks(output);
        Assert.Equal(Rows(Scalar(Map("@h", AggregateKind.Hist), Hist(HistogramLayout.Log2(0), HistValues)), "@h"), blocks["@h"]);
        for (int i = 0; i < LinearCases.Length; i++)
        {
            var c = LinearCases[i];
            var map = Map($"@l{i}", AggregateKind.LHist, lmin: c.Min, lmax: c.Max, lstep: c.Step);
            var ours = Rows(Scalar(map, Hist(HistogramLayout.Linear(c.Min, c.Max, c.Step), c.Values)), map.Name);
            Assert.Equal(ours, blocks[map.Name]);
        }
    }

    [Fact]
    public void Count_map_order_and_printf_match_bpftrace()
    {
        string script =
            "BEGIN { @c[\"bash\"] = count(); @c[\"bash\"] = count(); @c[\"zsh\"] = count(); @c[\"a b\"] = count(); @c[\"a b\"] = count(); @c[\"a b\"] = count(); " +
            "@i[3] = 30; @i[1] = 10; @i[-2] = 5; @i[2] = 20; @t[1, \"a\"] = 7; @t[2, \"b\"] = 3; " +
            "printf(\"int=%d neg=%d u=%u hex=%x HEX=%X oct=%o lld=%lld str=%s chr=%c pad=[%5d] left=[%-5d] zero=[%05d] s10=[%10s]|\\n\", 42, -1, -1, 255, 255, 8, 1234567890123, \"abc\", 65, 7, 7, 7, \"hi\"); " +
            "printf(\"%lu %ld %hhd %hu %llx|%-10s|%5.2s|\\n\", 1, -2, 300, 70000, 255, \"left\", \"abcdef\"); exit(); }";
        string? output = RunBpftrace(script);
        if (output is null)
        {
            return;
        }

        var expectedPrintf =
            PrintfRenderer.Render(PrintfFormat.Parse("int=%d neg=%d u=%u hex=%x HEX=%X oct=%o lld=%lld str=%s chr=%c pad=[%5d] left=[%-5d] zero=[%05d] s10=[%10s]|\n"),
                [I(42), I(-1), I(-1), I(255), I(255), I(8), I(1234567890123), S("abc"), I(65), I(7), I(7), I(7), S("hi")]) +
            PrintfRenderer.Render(PrintfFormat.Parse("%lu %ld %hhd %hu %llx|%-10s|%5.2s|\n"),
                [I(1), I(-2), I(300), I(70000), I(255), S("left"), S("abcdef")]);
        Assert.Contains(expectedPrintf, output);

        string ours = Text(w => w.PrintExitMaps(
        [
            Snapshot(Map("@c", AggregateKind.Count, Str16), (S("bash"), new CountValue(2)), (S("zsh"), new CountValue(1)), (S("a b"), new CountValue(3))),
            Snapshot(Map("@i", AggregateKind.None, RuntimeType.Int64), (I(3), I(30)), (I(1), I(10)), (I(-2), I(5)), (I(2), I(20))),
            Snapshot(Map("@t", AggregateKind.None, new RuntimeType { Kind = RuntimeTypeKind.Tuple, Size = 24 }), (T(I(1), S("a")), I(7)), (T(I(2), S("b")), I(3))),
        ]));
        int start = output.IndexOf("\n\n\n", StringComparison.Ordinal);
        Assert.True(start >= 0, output);
        Assert.Equal(ours, output[(start + 1)..]);
    }

    [Fact]
    public void Json_documents_match_bpftrace_semantically()
    {
        string script =
            "BEGIN { @c[\"bash\"] = count(); @c[\"bash\"] = count(); @c[\"zsh\"] = count(); @t[1, \"a\"] = 7; @t[2, \"b\"] = 3; " +
            "@avg = avg(10); @avg = avg(21); @st = stats(2); @st = stats(10); @sk[\"x\"] = stats(3); @h = hist(-1); @h = hist(5); @h = hist(1000); " +
            "@l = lhist(3, 0, 10, 2); @l = lhist(100, 0, 10, 2); @s = \"hello\"; @mx = max(4); @mx = max(9); " +
            "printf(\"hi %d\\n\", 1); print((1, \"a\")); print(5); exit(); }";
        string? output = RunBpftrace(script, "-f", "json");
        if (output is null)
        {
            return;
        }

        var log2 = BtLang.Semantics.Formatting.HistogramLayout.Log2(0);
        string ours = Json(w =>
        {
            w.Printf("hi 1\n");
            w.PrintValue(T(I(1), S("a")));
            w.PrintValue(I(5));
            w.PrintExitMaps(
            [
                Snapshot(Map("@c", AggregateKind.Count, Str16), (S("bash"), new CountValue(2)), (S("zsh"), new CountValue(1))),
                Snapshot(Map("@t", AggregateKind.None, new RuntimeType { Kind = RuntimeTypeKind.Tuple, Size = 24 }), (T(I(1), S("a")), I(7)), (T(I(2), S("b")), I(3))),
                Scalar(Map("@avg", AggregateKind.Avg), new AverageValue(31, 2, true)),
                Scalar(Map("@st", AggregateKind.Stats), new StatsValue(12, 2, true)),
                Snapshot(Map("@sk", AggregateKind.Stats, Str16), (S("x"), new StatsValue(3, 1, true))),
                Scalar(Map("@h", AggregateKind.Hist), Hist(log2, -1, 5, 1000)),
                Scalar(Map("@l", AggregateKind.LHist, lmin: 0, lmax: 10, lstep: 2), Hist(BtLang.Semantics.Formatting.HistogramLayout.Linear(0, 10, 2), 3, 100)),
                Scalar(Map("@s", AggregateKind.None, value: RuntimeType.String(64)), S("hello")),
                Scalar(Map("@mx", AggregateKind.Max), new MinMaxValue(9, true, true, true)),
            ]);
        });

        // 0.17's attached_probes lacks 0.26's "count", and 0.17 prints two blank lines before the maps: compare the rest.
        static List<string> Normalize(string text) => text.Split('\n')
            .Where(line => line.Length > 0 && !line.Contains("attached_probes"))
            .Select(line => System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(line).RootElement))
            .ToList();
        Assert.Equal(Normalize(output), Normalize(ours));
    }

    private static List<string> Rows(MapSnapshot snapshot, string name)
    {
        var text = Text(w => w.PrintMap(snapshot));
        return ParseBlocks(text)[name];
    }

    /// <summary>Histogram blocks by map name: the row lines between a <c>@name:</c> header and the blank line.</summary>
    private static Dictionary<string, List<string>> ParseBlocks(string text)
    {
        var blocks = new Dictionary<string, List<string>>();
        List<string>? current = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith('@') && line.TrimEnd().EndsWith(':'))
            {
                current = [];
                blocks[line.TrimEnd().TrimEnd(':')] = current;
            }
            else if (line.Length == 0)
            {
                current = null;
            }
            else
            {
                current?.Add(line);
            }
        }

        return blocks;
    }

    private static string? RunBpftrace(string script, params string[] options)
    {
        if (Environment.UserName != "root" || !File.Exists("/usr/bin/bpftrace") && !File.Exists("/usr/local/bin/bpftrace"))
        {
            return null;
        }

        var start = new ProcessStartInfo("bpftrace")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var option in options)
        {
            start.ArgumentList.Add(option);
        }

        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
            Assert.Fail("bpftrace did not exit within 30 s");
        }

        Assert.True(process.ExitCode == 0, $"bpftrace failed: {stderr.Result}");
        return stdout.Result;
    }
}
