namespace BtLang.Runtime.Tests.Probes;

/// <summary>
/// The leak check of the probe tests. Other BtLang runs on the machine (other agents, CI jobs) load programs named
/// bt_p* too, and the kernel frees a program shortly after its last file descriptor closes; so a new program only
/// counts as ours when it has one of the program types the test loads and is still there after a short grace period.
/// </summary>
internal static class Leaks
{
    public static void AssertNoneSince(IReadOnlyList<string> before, params string[] programTypes)
    {
        IReadOnlyList<string> left = [];
        for (int attempt = 0; attempt < 20; attempt++)
        {
            left = KernelFacts.ProgramsLoadedSince(before)
                .Where(l => programTypes.Length == 0 || programTypes.Any(t => l.Contains($": {t} ", StringComparison.Ordinal)))
                .ToList();
            if (left.Count == 0)
            {
                return;
            }

            Thread.Sleep(250);
        }

        Assert.Fail("programs left loaded: " + string.Join("\n", left));
    }

    /// <summary>
    /// The bpftool program types a script (or command line) can load, so that a test counts only those: other agents on
    /// the machine load bt_p* programs of other types meanwhile (hundreds of tracepoints in a benchmark, say).
    /// </summary>
    public static string[] ProgramTypesOf(string script)
    {
        var types = new SortedSet<string>(StringComparer.Ordinal) { "raw_tracepoint" }; // BEGIN/END and rawtracepoint
        if (script.Contains("tracepoint:", StringComparison.Ordinal))
        {
            types.Add("tracepoint");
        }

        if (script.Contains("probe:", StringComparison.Ordinal) || script.Contains("usdt:", StringComparison.Ordinal))
        {
            types.Add("kprobe"); // uprobes, uretprobes and USDT load as kprobe programs
        }

        if (new[] { "fentry:", "fexit:", "kfunc:", "kretfunc:", "iter:" }.Any(p => script.Contains(p, StringComparison.Ordinal)))
        {
            types.Add("tracing");
        }

        if (new[] { "profile:", "interval:", "software:", "hardware:", "watchpoint:" }.Any(p => script.Contains(p, StringComparison.Ordinal)))
        {
            types.Add("perf_event");
        }

        return [.. types];
    }
}
