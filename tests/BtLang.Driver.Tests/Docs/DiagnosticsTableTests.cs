using System.Reflection;
using System.Text;
using BtLang.Diagnostics;

namespace BtLang.Driver.Tests.Docs;

/// <summary>
/// The README lists every diagnostic ID the code can report. Run with BTLANG_UPDATE_README=1 to rewrite the table
/// from the code after adding a diagnostic.
/// </summary>
public sealed class DiagnosticsTableTests
{
    private const string Marker = "<!-- diagnostics-table:";

    [Fact]
    public void ReadmeListsEveryDiagnosticOnce()
    {
        var descriptors = AllDescriptors();
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct().Count());

        string readmePath = FindReadme();
        string readme = File.ReadAllText(readmePath);
        string table = Table(descriptors);
        int start = readme.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md lost its diagnostics-table marker");
        int tableStart = readme.IndexOf('\n', start) + 1;
        int tableEnd = readme.IndexOf("\n\n", tableStart, StringComparison.Ordinal);
        tableEnd = tableEnd < 0 ? readme.Length : tableEnd + 1;
        string current = readme[tableStart..tableEnd];

        if (Environment.GetEnvironmentVariable("BTLANG_UPDATE_README") == "1")
        {
            File.WriteAllText(readmePath, readme[..tableStart] + table + readme[tableEnd..]);
            return;
        }

        Assert.Equal(table, current);
    }

    private static List<DiagnosticDescriptor> AllDescriptors()
    {
        var assemblies = new[]
        {
            typeof(DiagnosticDescriptor).Assembly,                 // Syntax
            typeof(Semantics.Compilation).Assembly,                // Semantics
            typeof(Emit.BpfEmitter).Assembly,                      // Emit
            typeof(Driver.Runtime.DriverHost).Assembly,            // Driver
            typeof(LanguageServer.Handlers.Diagnostics.LanguageServerDiagnostics).Assembly, // LanguageServer (BT4xxx)
        };
        return assemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .DistinctBy(d => (d.Id, d.Title))
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static string Table(IEnumerable<DiagnosticDescriptor> descriptors)
    {
        var builder = new StringBuilder();
        builder.Append("| ID | severity | meaning |\n|---|---|---|\n");
        foreach (var d in descriptors)
        {
            builder.Append("| ").Append(d.Id).Append(" | ").Append(d.Severity.ToString().ToLowerInvariant())
                .Append(" | ").Append(d.Title.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
        }

        return builder.ToString();
    }

    private static string FindReadme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "README.md");
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "BtLang.sln")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("README.md of the repository");
    }
}
