using System.Collections.Immutable;
using BtLang.Diagnostics;
using BtLang.Semantics.Binding;
using BtLang.Semantics.Symbols;
using BtLang.Syntax;

namespace BtLang.Semantics;

/// <summary>
/// An immutable compilation of one script: its syntax tree, the trees of the scripts it imports (read from disk,
/// relative to the script's <see cref="SyntaxTree.FilePath"/>, on first use) and options. Binding happens lazily, once,
/// on first use; <see cref="GetDiagnostics"/> returns the syntax and semantic diagnostics of every tree, the main
/// script's first, each in source order.
/// </summary>
public sealed class Compilation
{
    private readonly Lazy<BindingResult> _binding;
    private readonly Lazy<ImportSet> _imports;

    private Compilation(SyntaxTree tree, CompilationOptions options)
    {
        SyntaxTree = tree;
        Options = options;
        _imports = new Lazy<ImportSet>(() => ImportSet.Resolve(tree), LazyThreadSafetyMode.ExecutionAndPublication);
        _binding = new Lazy<BindingResult>(() => Binder.Bind(tree, _imports.Value, options), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The main script.</summary>
    public SyntaxTree SyntaxTree { get; }

    /// <summary>The main script followed by the scripts it imports (directly or through other imports), each once.</summary>
    public ImmutableArray<SyntaxTree> SyntaxTrees => _imports.Value.Trees.Insert(0, SyntaxTree);

    public CompilationOptions Options { get; }

    /// <summary>
    /// The BPF objects compiled from the imported BPF C sources (<c>import "x.bpf.c"</c>), in import order: the driver
    /// links them with the script's object, whose calls of their global functions are external references.
    /// </summary>
    public ImmutableArray<ImmutableArray<byte>> ImportedObjects => _imports.Value.CSources.Select(c => c.ObjectFile).ToImmutableArray();

    internal ImportSet Imports => _imports.Value;

    /// <summary>
    /// The main script's import statement that brings in the file at <paramref name="path"/> (directly, through a
    /// directory or through an imported script's own imports), or null when the compilation does not import it.
    /// </summary>
    public ImportSyntax? GetImportOf(string path)
    {
        if (path.Length == 0 || _imports.Value.Owners.IsEmpty)
        {
            return null;
        }

        try
        {
            return _imports.Value.Owners.TryGetValue(Path.GetFullPath(path), out var import) ? import : null;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    public static Compilation Create(SyntaxTree tree, CompilationOptions? options = null) => new(tree, options ?? CompilationOptions.Default);

    public Compilation WithOptions(CompilationOptions options) => new(SyntaxTree, options);

    public Compilation WithSyntaxTree(SyntaxTree tree) => new(tree, Options);

    /// <summary>The maps of the program with their inferred key and value types.</summary>
    public ImmutableArray<MapSymbol> Maps => Binding.Program.Maps.Values.OrderBy(m => m.Name, StringComparer.Ordinal).ToImmutableArray();

    /// <summary>The effective settings (defaults, then the config block, then the options' overrides).</summary>
    public ProgramSettings Settings => Binding.Program.Settings;

    internal BindingResult Binding => _binding.Value;

    internal BoundProgram BoundProgram => Binding.Program;

    public ImmutableArray<Diagnostic> GetDiagnostics(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var trees = SyntaxTrees;
        var syntax = trees.SelectMany(t => t.GetDiagnostics());
        var semantic = Binding.Program.Diagnostics;
        // Main script first, then the imported files in import order; a diagnostic without a file goes with the main script.
        int FileOrder(Diagnostic d) => Math.Max(0, trees.IndexOf(trees.FirstOrDefault(t => t.FilePath == d.Location.Path && d.Location.IsInSource) ?? SyntaxTree));
        return syntax.Concat(semantic)
            .OrderBy(FileOrder)
            .ThenBy(d => d.Location.Span.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    public SemanticModel GetSemanticModel() => new(this);
}
