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
}
