namespace BtLang.Semantics.Tests.ProbeCatalog;

/// <summary>Makes sure the real tracefs is mounted (tests only; the catalog itself never mounts anything).</summary>
internal static class LiveTracefs
{
    public const string Root = "/sys/kernel/tracing";
    private static readonly object Gate = new();

    public static void EnsureMounted()
    {
        lock (Gate)
        {
            if (Directory.Exists(Path.Combine(Root, "events")))
                return;
            var (code, output) = CatalogFixtures.Run("mount", $"-t tracefs nodev {Root}");
            Assert.True(code == 0 || Directory.Exists(Path.Combine(Root, "events")), "mounting tracefs failed: " + output);
        }
    }
}
