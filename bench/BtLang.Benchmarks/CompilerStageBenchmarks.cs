using BenchmarkDotNet.Attributes;
using BtLang.Emit;
using BtLang.Semantics;
using BtLang.Semantics.ProbeCatalog;
using BtLang.Syntax;

namespace BtLang.Benchmarks;

/// <summary>
/// Compiler stages on one script each: parse, bind (all diagnostics), and emit the BPF object through libLLVM with
/// and without the O2 pipeline. Each stage starts from the previous stage's result built in
/// setup, so a row measures that stage alone (binding and emitting create a fresh <see cref="Compilation"/>, which
/// binds lazily: the emit rows include binding).
/// </summary>
[MemoryDiagnoser]
public class CompilerStageBenchmarks
{
    private string text = "";
    private SyntaxTree tree = null!;
    private CompilationOptions options = null!;

    /// <summary>The script (see <see cref="Scripts"/>).</summary>
    [ParamsSource(nameof(ScriptNames))]
    public string Script { get; set; } = "";

    /// <summary>The values of <see cref="Script"/>.</summary>
    public static IEnumerable<string> ScriptNames => Scripts.Names;

    /// <summary>Loads and parses the script once and checks that it compiles, so no row measures a failure.</summary>
    [GlobalSetup]
    public void Setup()
    {
        text = Scripts.Load(Script);
        tree = SyntaxTree.ParseText(text);
        options = CompilationOptions.Default with { Catalog = SystemProbeCatalog.Shared };
        var result = BpfEmitter.Emit(Compilation.Create(tree, options));
        if (!result.Success)
        {
            throw new InvalidOperationException($"{Script} does not compile: " + string.Join("; ", result.Diagnostics));
        }
    }

    /// <summary>Text to red-green syntax tree with diagnostics.</summary>
    [Benchmark]
    public int Parse() => SyntaxTree.ParseText(text).GetDiagnostics().Length;

    /// <summary>Binding and semantic checks of an already parsed tree.</summary>
    [Benchmark]
    public int Bind() => Compilation.Create(tree, options).GetDiagnostics().Length;

    /// <summary>Bind plus code generation plus the O2 pipeline plus the BPF object.</summary>
    [Benchmark]
    public int EmitObject() => BpfEmitter.Emit(Compilation.Create(tree, options)).ObjectFile!.Length;

    /// <summary>Same without the O2 pipeline.</summary>
    [Benchmark]
    public int EmitObjectUnoptimized() =>
        BpfEmitter.Emit(Compilation.Create(tree, options), new EmitOptions { Optimize = false }).ObjectFile!.Length;
}
