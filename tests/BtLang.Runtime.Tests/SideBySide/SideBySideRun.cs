using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BtLang.Runtime.Tests.SideBySide;

/// <summary>
/// Runs one script under btlang and under the installed bpftrace 0.17 (the oracle on these machines) and compares
/// what they print. Only the changes BPFTRACE.md records between 0.17 and today's bpftrace (0.26), which btlang
/// follows, are normalized away, each by its own named method; everything else must be equal byte for byte.
/// </summary>
internal static partial class SideBySideRun
{
    public const string Bpftrace = "/usr/bin/bpftrace";

    /// <summary>False when bpftrace is not installed: the tests then have nothing to compare against.</summary>
    public static bool HaveBpftrace => File.Exists(Bpftrace);

    /// <summary>stdout of btlang and of bpftrace for the same arguments; both must exit with 0, and btlang must leave
    /// nothing loaded.</summary>
    public static (string Ours, string Theirs) Run(params string[] arguments)
    {
        var before = KernelFacts.LoadedPrograms();
        var ours = BtlangProcess.RunRaw(BtlangProcess.Executable, arguments);
        Probes.Leaks.AssertNoneSince(before, Probes.Leaks.ProgramTypesOf(string.Join('\n', arguments)));
        Assert.True(ours.Code == 0, "btlang failed: " + ours.Stderr);
        var theirs = BtlangProcess.RunRaw(Bpftrace, arguments);
        Assert.True(theirs.Code == 0, "bpftrace failed: " + theirs.Stderr);
        return (WithoutWorkloadLine(Encoding.UTF8.GetString(ours.Stdout)), WithoutWorkloadLine(WithoutBanner(Encoding.UTF8.GetString(theirs.Stdout))));
    }

    /// <summary>Runs in text mode and asserts equal output after <paramref name="normalizeTheirs"/>.</summary>
    public static void AssertSameText(string script, Func<string, string>? normalizeTheirs = null, params string[] options)
    {
        if (!HaveBpftrace)
        {
            return;
        }

        var (ours, theirs) = Run([.. options, "-e", script]);
        Assert.Equal((normalizeTheirs ?? (t => t))(theirs), ours);
    }

    /// <summary>Runs with <c>-f json</c> and asserts the same documents, compared as JSON values (0.26 writes arrays
    /// without spaces, 0.17 with), without 0.17's blank lines and the attached_probes message (0.26 adds "count").</summary>
    public static void AssertSameJson(string script, params string[] options)
    {
        if (!HaveBpftrace)
        {
            return;
        }

        var (ours, theirs) = Run([.. options, "-f", "json", "-e", script]);
        Assert.Equal(JsonDocuments(theirs), JsonDocuments(ours));
    }

    /// <summary>Lines of <paramref name="text"/> that start with <paramref name="prefix"/>.</summary>
    public static string[] Lines(string text, string prefix) =>
        text.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).ToArray();

    /// <summary>The test workload (Fixtures/workload.c) prints its global's address on the same stdout, at a moment
    /// that depends on scheduling: not part of what is compared.</summary>
    private static string WithoutWorkloadLine(string stdout) => WorkloadLine().Replace(stdout, string.Empty);

    /// <summary>0.17 printed "Attaching N probes..." on stdout; 0.26 prints "Attached N probes" on stderr.</summary>
    private static string WithoutBanner(string stdout) => BannerLine().Replace(stdout, string.Empty, 1);

    /// <summary>0.17 <c>@st: count 2, average 6, total 12</c> is 0.26's record <c>{ .count = 2, .average = 6, .total = 12 }</c>.</summary>
    public static string StatsAsRecords(string theirs) => StatsLine().Replace(theirs, "$1: { .count = $2, .average = $3, .total = $4 }");

    /// <summary>0.17 printed a blank line after each avg or stats map; 0.26 prints them like any value.</summary>
    public static string NoBlankLineAfter(string theirs, params string[] maps)
    {
        var lines = theirs.Split('\n').ToList();
        for (int i = lines.Count - 2; i >= 0; i--)
        {
            string? map = maps.FirstOrDefault(m => lines[i].StartsWith(m + ":", StringComparison.Ordinal) || lines[i].StartsWith(m + "[", StringComparison.Ordinal));
            bool lastOfItsMap = i + 2 >= lines.Count || !lines[i + 2].StartsWith(map + "[", StringComparison.Ordinal);
            if (map is not null && lines[i + 1].Length == 0 && lastOfItsMap)
            {
                lines.RemoveAt(i + 1);
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>0.17's histogram header <c>@h: </c> ends with a space; 0.26's <c>@h:</c> does not.</summary>
    public static string HistHeaders(string theirs) => HistHeader().Replace(theirs, "$1:");

    /// <summary>0.17 indents the frames of a stack map key by 4 spaces; 0.26 formats stacks with 8 (types_format.cpp
    /// get_stack(..., 8)), as printf("%s") always did.</summary>
    public static string StackKeyIndent(string theirs) => FourSpaceFrame().Replace(theirs, "        $1");

    private static List<string> JsonDocuments(string output) => output.Split('\n')
        .Where(line => line.Length > 0 && !line.Contains("\"attached_probes\"", StringComparison.Ordinal))
        .Select(line => line.StartsWith('{') ? JsonSerializer.Serialize(JsonDocument.Parse(line).RootElement) : line)
        .ToList();

    [GeneratedRegex(@"^0x[0-9a-f]+\n", RegexOptions.Multiline)]
    private static partial Regex WorkloadLine();

    [GeneratedRegex(@"\AAttaching \d+ probes?\.\.\.\n")]
    private static partial Regex BannerLine();

    [GeneratedRegex(@"^(@[^\n]*): count (\d+), average (-?\d+), total (-?\d+)$", RegexOptions.Multiline)]
    private static partial Regex StatsLine();

    [GeneratedRegex(@"^(@[^\n]*): $", RegexOptions.Multiline)]
    private static partial Regex HistHeader();

    [GeneratedRegex(@"^    (\S)", RegexOptions.Multiline)]
    private static partial Regex FourSpaceFrame();
}
