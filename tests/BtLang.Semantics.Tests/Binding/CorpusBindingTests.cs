using BtLang.Diagnostics;
using BtLang.Syntax;

namespace BtLang.Semantics.Tests.Binding;

/// <summary>Every valid script of the corpus binds without errors (with --unsafe, as several use system()).</summary>
public sealed class CorpusBindingTests
{
    /// <summary>Scripts using constructs the binder does not support yet, each with the reason.</summary>
    private static readonly Dictionary<string, string> KnownGaps = new(StringComparer.Ordinal)
    {
    };

    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CorpusDirectory(), "*.bt").OrderBy(f => f, StringComparer.Ordinal))
        {
            if (!KnownGaps.ContainsKey(Path.GetFileName(file)))
            {
                data.Add(Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void BindsWithoutErrors(string name)
    {
        // The full path, so that imports and includes beside the script are found as they are for btlang.
        string path = Path.Combine(CorpusDirectory(), name);
        var tree = SyntaxTree.ParseText(File.ReadAllText(path), path);
        var compilation = Compilation.Create(tree, CompilationOptions.Default with { AllowUnsafe = true, HasChildProcess = true });
        var errors = compilation.GetDiagnostics().Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 0, DiagnosticFormatter.Format(errors));
    }

    [Fact]
    public void KnownGapsStillFail()
    {
        // When a gap is closed, its script must leave the list (so the list cannot silently go stale).
        foreach (var (name, reason) in KnownGaps)
        {
            string path = Path.Combine(CorpusDirectory(), name);
            var tree = SyntaxTree.ParseText(File.ReadAllText(path), path);
            var compilation = Compilation.Create(tree, CompilationOptions.Default with { AllowUnsafe = true, HasChildProcess = true });
            Assert.True(compilation.GetDiagnostics().Any(d => d.IsError), $"{name} binds now ({reason} is done): remove it from KnownGaps");
        }
    }

    private static string CorpusDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "corpus", "valid");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/corpus/valid");
    }
}
