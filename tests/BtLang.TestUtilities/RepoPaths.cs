namespace BtLang.TestUtilities;

/// <summary>Finds files of the repository (test data, the corpus) from a test's output folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding BtLang.sln.</summary>
    public static string Root => RootPath.Value;

    public static string Combine(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BtLang.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BtLang.sln not found above " + AppContext.BaseDirectory);
    }
}
