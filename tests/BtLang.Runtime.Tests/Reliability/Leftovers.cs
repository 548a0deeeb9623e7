using System.Diagnostics;
using System.Text.RegularExpressions;

namespace BtLang.Runtime.Tests.Reliability;

/// <summary>
/// Proves a btlang run left nothing behind: the BPF program ids it held while running (read from its own
/// /proc fdinfo, so other tools' programs never confuse the check) are gone from <c>bpftool prog show</c> and
/// from every link of <c>bpftool link show</c>, and no uprobe_events entry names the traced binary.
/// </summary>
internal static partial class Leftovers
{
    /// <summary>The ids of the BPF programs the process holds (through program and link fds).</summary>
    public static HashSet<int> ProgramIdsOf(int pid)
    {
        var ids = new HashSet<int>();
        foreach (string fd in Directory.EnumerateFiles($"/proc/{pid}/fdinfo"))
        {
            string text;
            try
            {
                text = File.ReadAllText(fd);
            }
            catch (IOException)
            {
                continue;
            }

            foreach (Match match in ProgIdLine().Matches(text))
            {
                ids.Add(int.Parse(match.Groups[1].Value));
            }
        }

        return ids;
    }

    /// <summary>Waits (bounded: links are released asynchronously after the process exits) until none of the ids is loaded or linked.</summary>
    public static void AssertNoneLeft(IReadOnlyCollection<int> programIds, string? uprobeBinary = null)
    {
        var deadline = Stopwatch.StartNew();
        List<string> found;
        do
        {
            found = Find(programIds, uprobeBinary);
            if (found.Count == 0)
            {
                return;
            }

            Thread.Sleep(200);
        }
        while (deadline.Elapsed < TimeSpan.FromSeconds(15));

        Assert.Fail("left behind:\n" + string.Join('\n', found));
    }

    private static List<string> Find(IReadOnlyCollection<int> programIds, string? uprobeBinary)
    {
        var found = new List<string>();
        var (_, progs) = KernelFacts.Run("bpftool", "prog show");
        foreach (Match match in ProgShowLine().Matches(progs))
        {
            if (programIds.Contains(int.Parse(match.Groups[1].Value)))
            {
                found.Add("program " + match.Value.Trim());
            }
        }

        var (_, links) = KernelFacts.Run("bpftool", "link show");
        foreach (Match match in LinkProgId().Matches(links))
        {
            if (programIds.Contains(int.Parse(match.Groups[1].Value)))
            {
                found.Add("link to program " + match.Groups[1].Value);
            }
        }

        foreach (string events in new[] { "/sys/kernel/tracing/uprobe_events", "/sys/kernel/debug/tracing/uprobe_events" })
        {
            if (uprobeBinary is not null && File.Exists(events))
            {
                try
                {
                    found.AddRange(File.ReadAllLines(events).Where(l => l.Contains(uprobeBinary, StringComparison.Ordinal)).Select(l => "uprobe_events: " + l));
                }
                catch (IOException)
                {
                }
            }
        }

        return found;
    }

    [GeneratedRegex(@"^prog_id:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex ProgIdLine();

    [GeneratedRegex(@"^(\d+): .*$", RegexOptions.Multiline)]
    private static partial Regex ProgShowLine();

    [GeneratedRegex(@"\bprog (\d+)")]
    private static partial Regex LinkProgId();
}
