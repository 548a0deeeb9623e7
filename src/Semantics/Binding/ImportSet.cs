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
    public static readonly ImportSet Empty = new(ImmutableArray<SyntaxTree>.Empty, ImmutableArray<string>.Empty, ImmutableArray<BpfCImport>.Empty, ImmutableArray<Diagnostic>.Empty);

    private ImportSet(ImmutableArray<SyntaxTree> trees, ImmutableArray<string> headers, ImmutableArray<BpfCImport> cSources, ImmutableArray<Diagnostic> diagnostics)
    {
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

    /// <summary>Follows the imports of <paramref name="main"/> on disk.</summary>
    public static ImportSet Resolve(SyntaxTree main)
    {
        if (!main.GetRoot().Members.OfType<ImportSyntax>().Any())
        {
            return Empty;
        }

        var resolver = new Resolver(main);
        resolver.Visit(main);
        return new ImportSet(resolver.Trees.ToImmutable(), resolver.Headers.ToImmutable(), resolver.CSources.ToImmutable(), resolver.Diagnostics.ToImmutable());
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

        public void Visit(SyntaxTree tree)
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
                        ImportFile(entry, location, explicitly: false);
                    }
                }
                else
                {
                    ImportFile(path, location, explicitly: true);
                }
            }
        }

        private void ImportFile(string path, Location location, bool explicitly)
        {
            if (path.EndsWith(".h", StringComparison.Ordinal))
            {
                if (_seen.Add(Path.GetFullPath(path)))
                {
                    Headers.Add(Path.GetFullPath(path));
                }
            }
            else if (path.EndsWith(".bt", StringComparison.Ordinal))
            {
                if (_seen.Add(Path.GetFullPath(path)))
                {
                    ImportScript(path, location);
                }
            }
            else if (path.EndsWith(".bpf.c", StringComparison.Ordinal))
            {
                if (_seen.Add(Path.GetFullPath(path)))
                {
                    ImportCSource(path, location);
                }
            }
            else if (path.EndsWith(".bpf.o", StringComparison.Ordinal))
            {
                if (_seen.Add(Path.GetFullPath(path)))
                {
                    Diagnostics.Add(Diagnostic.Create(SemanticDiagnostics.ImportNotSupported, location,
                            $"import \"{path}\": compiled BPF objects cannot be imported; import the .bpf.c source instead"));
                }
            }
            else if (explicitly)
            {
                Diagnostics.Add(Diagnostic.Create(SemanticDiagnostics.ImportNotSupported, location, $"import \"{path}\": unknown import type (expected .bt, .h or a directory)"));
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

        private void ImportScript(string path, Location location)
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

            Visit(tree);
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
