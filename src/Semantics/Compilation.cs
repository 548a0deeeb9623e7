using System.Collections.Immutable;
using BtLang.Diagnostics;
using BtLang.Semantics.Binding;
using BtLang.Semantics.Symbols;
using BtLang.Syntax;

namespace BtLang.Semantics;

/// <summary>
/// An immutable compilation of one script: its syntax tree and options. Binding happens lazily, once, on first
/// use; <see cref="GetDiagnostics"/> returns the syntax and semantic diagnostics in source order.
/// </summary>
public sealed class Compilation
{
    private readonly Lazy<BindingResult> _binding;

    private Compilation(SyntaxTree tree, CompilationOptions options)
    {
        SyntaxTree = tree;
        Options = options;
        _binding = new Lazy<BindingResult>(() => Binder.Bind(tree, options), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public SyntaxTree SyntaxTree { get; }

    public CompilationOptions Options { get; }

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
        var syntax = SyntaxTree.GetDiagnostics();
        var semantic = Binding.Program.Diagnostics;
        return syntax.AddRange(semantic)
            .OrderBy(d => d.Location.Span.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    public SemanticModel GetSemanticModel() => new(this);
}
