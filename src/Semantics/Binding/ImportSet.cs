using System.Collections.Immutable;
using BtLang.Diagnostics;
using BtLang.Semantics.CImports;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary>
/// What a script's <c>import</c> statements bring in, as bpftrace 0.26 does: imported <c>.bt</c> scripts (each parsed
/// into its own tree, imports of imports followed, every file once however often or cyclically it is imported),
/// headers (read like <c>--include</c>) and directories (their <c>.bt</c> and <c>.h</c> files, not their
/// subdirectories), and BPF C sources (compiled with clang; their global functions become callable by name).
/// A relative path is looked up beside the importing file, then beside the main script.
/// </summary>
internal sealed class ImportSet
{
    public static readonly ImportSet Empty = new(
        ImmutableArray<SyntaxTree>.Empty, ImmutableArray<string>.Empty, ImmutableArray<BpfCImport>.Empty, ImmutableArray<Diagnostic>.Empty,
        ImmutableDictionary<string, ImportSyntax>.Empty);

    private ImportSet(
        ImmutableArray<SyntaxTree> trees, ImmutableArray<string> headers, ImmutableArray<BpfCImport> cSources, ImmutableArray<Diagnostic> diagnostics,
        ImmutableDictionary<string, ImportSyntax> owners)
    {
        Owners = owners;
        Trees = trees;
        Headers = headers;
        CSources = cSources;
        Diagnostics = diagnostics;
        var functions = new Dictionary<string, ExternFunction>(StringComparer.Ordinal);
        foreach (var source in cSources)
        {
            foreach (var function in source.Functions.Values)
            {
                functions.TryAdd(function.Name, function);
            }
        }

        ExternFunctions = functions.ToImmutableDictionary(StringComparer.Ordinal);
    }

    /// <summary>The imported BPF C sources that compiled, in import order.</summary>
    public ImmutableArray<BpfCImport> CSources { get; }

    /// <summary>The functions of <see cref="CSources"/> a script may call, by name.</summary>
    public ImmutableDictionary<string, ExternFunction> ExternFunctions { get; }

    /// <summary>The imported scripts, in the order they are first imported (the main script is not among them).</summary>
    public ImmutableArray<SyntaxTree> Trees { get; }

    /// <summary>The imported headers as include files.</summary>
    public ImmutableArray<string> Headers { get; }

    /// <summary>Imports that cannot be read or are of a kind BtLang does not compile, located at the import statement.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>
    /// For the full path of each imported file, the main script's import statement that brought it in (directly,
    /// through a directory or through an imported script's imports; the first one, as each file is read once).
    /// </summary>
    public ImmutableDictionary<string, ImportSyntax> Owners { get; }

    /// <summary>Follows the imports of <paramref name="main"/> on disk.</summary>
    public static ImportSet Resolve(SyntaxTree main)
    {
        if (!main.GetRoot().Members.OfType<ImportSyntax>().Any())
        {
            return Empty;
        }

        var resolver = new Resolver(main);
        resolver.Visit(main, owner: null);
        return new ImportSet(
            resolver.Trees.ToImmutable(), resolver.Headers.ToImmutable(), resolver.CSources.ToImmutable(), resolver.Diagnostics.ToImmutable(),
            resolver.Owners.ToImmutable());
    }

    private sealed class Resolver
    {
        private readonly string _mainDirectory;
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public Resolver(SyntaxTree main)
        {
            _mainDirectory = Path.GetDirectoryName(main.FilePath) ?? string.Empty;
            if (File.Exists(main.FilePath))
            {
                _seen.Add(Path.GetFullPath(main.FilePath));
            }
        }

        public ImmutableArray<SyntaxTree>.Builder Trees { get; } = ImmutableArray.CreateBuilder<SyntaxTree>();

        public ImmutableArray<string>.Builder Headers { get; } = ImmutableArray.CreateBuilder<string>();

        public ImmutableArray<Diagnostic>.Builder Diagnostics { get; } = ImmutableArray.CreateBuilder<Diagnostic>();

        public ImmutableArray<BpfCImport>.Builder CSources { get; } = ImmutableArray.CreateBuilder<BpfCImport>();

        public ImmutableDictionary<string, ImportSyntax>.Builder Owners { get; } = ImmutableDictionary.CreateBuilder<string, ImportSyntax>(StringComparer.Ordinal);

        /// <summary>Imports what <paramref name="tree"/> imports; <paramref name="owner"/> is null for the main script.</summary>
        public void Visit(SyntaxTree tree, ImportSyntax? owner)
        {
            string directory = Path.GetDirectoryName(tree.FilePath) ?? string.Empty;
            foreach (var import in tree.GetRoot().Members.OfType<ImportSyntax>())
            {
                string name = import.Path.ValueText;
                if (name.Length == 0)
                {
                    continue; // the parser has reported the missing path
                }

                var location = tree.GetLocation(import.Span);
                string? path = Find(name, directory);
                if (path is null && name.EndsWith(".h", StringComparison.Ordinal))
                {
                    Headers.Add(name); // as with --include, the C parser looks for it in the include directories
                    continue;
                }

                if (path is null)
                {
                    var candidates = Candidates(name, directory).Distinct();
                    Diagnostics.Add(Diagnostic.Create(SemanticDiagnostics.ImportNotFound, location, $"import \"{name}\": no such file or directory")
                        .WithHint("checked: " + string.Join(", ", candidates)));
                    continue;
                }

                if (Directory.Exists(path))
                {
                    foreach (string entry in Directory.GetFiles(path).Order(StringComparer.Ordinal))
                    {
                        ImportFile(entry, location, explicitly: false, owner ?? import);
                    }
                }
                else
                {
                    ImportFile(path, location, explicitly: true, owner ?? import);
                }
            }
        }

        private void ImportFile(string path, Location location, bool explicitly, ImportSyntax owner)
        {
            bool known = path.EndsWith(".h", StringComparison.Ordinal) || path.EndsWith(".bt", StringComparison.Ordinal)
                || path.EndsWith(".bpf.c", StringComparison.Ordinal) || path.EndsWith(".bpf.o", StringComparison.Ordinal);
            if (!known)
            {
                if (explicitly)
                {
                    Diagnostics.Add(Diagnostic.Create(SemanticDiagnostics.ImportNotSupported, location, $"import \"{path}\": unknown import type (expected .bt, .h or a directory)"));
                }

                return;
            }

            string fullPath = Path.GetFullPath(path);
            if (!_seen.Add(fullPath))
            {
                return;
            }

            Owners.Add(fullPath, owner);
            if (path.EndsWith(".h", StringComparison.Ordinal))
            {
                Headers.Add(fullPath);
            }
            else if (path.EndsWith(".bt", StringComparison.Ordinal))
            {
                ImportScript(path, location, owner);
            }
            else if (path.EndsWith(".bpf.c", StringComparison.Ordinal))
            {
                ImportCSource(path, location);
            }
            else
            {
                Diagnostics.Add(Diagnostic.Create(SemanticDiagnostics.ImportNotSupported, location,
                        $"import \"{path}\": compiled BPF objects cannot be imported; import the .bpf.c source instead"));
            }
        }

        private void ImportCSource(string path, Location location)
        {
            var source = BpfCImport.Compile(path);
            if (source.Error is not null)
            {
                Diagnostics.Add(Diagnostic.Create(SemanticDiagnostics.CImportFailed, location, path, source.Error));
                return;
            }

            CSources.Add(source);
        }

        private void ImportScript(string path, Location location, ImportSyntax owner)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Diagnostics.Add(Diagnostic.Create(SemanticDiagnostics.ImportNotFound, location, $"import \"{path}\": {e.Message}"));
                return;
            }

            var tree = SyntaxTree.ParseText(text, path);
            Trees.Add(tree);
            foreach (var config in tree.GetRoot().Members.OfType<ConfigBlockSyntax>())
            {
                Diagnostics.Add(Diagnostic.Create(SemanticDiagnostics.ImportedConfig, tree.GetLocation(config.Span)));
            }

            Visit(tree, owner);
        }

        private string? Find(string name, string directory) =>
            Candidates(name, directory).FirstOrDefault(p => File.Exists(p) || Directory.Exists(p));

        private IEnumerable<string> Candidates(string name, string directory)
        {
            if (Path.IsPathRooted(name))
            {
                yield return name;
                yield break;
            }

            yield return Path.Combine(directory, name);
            yield return Path.Combine(_mainDirectory, name);
        }
    }
}
