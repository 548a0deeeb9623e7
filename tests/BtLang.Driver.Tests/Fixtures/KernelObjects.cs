using System.Diagnostics;
using System.Text.Json;

namespace BtLang.Driver.Tests.Fixtures;

/// <summary>What <c>bpftool</c> lists: the program and link IDs alive in the kernel now.</summary>
internal static class KernelObjects
{
    public static HashSet<uint> ProgramIds() => Ids("prog");

    /// <summary>
    /// Asserts that <paramref name="ids"/> disappear from the kernel's <paramref name="list"/> within a few seconds:
    /// a concurrent <c>bpftool show</c> (other tests, other users) briefly holds a reference to what it lists.
    /// </summary>
    public static void AssertGone(Func<HashSet<uint>> list, IEnumerable<uint> ids)
    {
        var wanted = ids.ToHashSet();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        HashSet<uint> left;
        while ((left = list().Intersect(wanted).ToHashSet()).Count > 0 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(100);
        }

        Assert.True(left.Count == 0, $"still in the kernel after 15 s: {string.Join(", ", left)}\n{Show("link")}");
    }

    public static HashSet<uint> LinkIds() => Ids("link");

    /// <summary>The program IDs that some link in the kernel holds.</summary>
    public static HashSet<uint> LinkedProgramIds() => Ids("link", "prog_id");

    private static string Show(string kind)
    {
        var start = new ProcessStartInfo("bpftool", $"{kind} show") { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        string text = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit(30_000);
        return text;
    }

    private static HashSet<uint> Ids(string kind, string property = "id")
    {
        var start = new ProcessStartInfo("bpftool", $"-j {kind} show") { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        string json = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit(30_000);
        var ids = new HashSet<uint>();
        if (string.IsNullOrWhiteSpace(json))
        {
            return ids;
        }

        using var document = JsonDocument.Parse(json);
        foreach (var element in document.RootElement.EnumerateArray())
        {
            if (element.TryGetProperty(property, out var id))
            {
                ids.Add(id.GetUInt32());
            }
        }

        return ids;
    }
}
