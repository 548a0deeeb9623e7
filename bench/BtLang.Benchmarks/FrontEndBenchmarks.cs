using BenchmarkDotNet.Attributes;
using BtLang.Semantics;
using BtLang.Semantics.ProbeCatalog;
using BtLang.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.Benchmarks;

/// <summary>
/// The front end on the 1,000-line scripts (issue 3's target: parse + bind under 10 ms warm): parse, bind, both,
/// and the reparse of a one-line edit through <see cref="SyntaxTree.WithChangedText"/>.
/// </summary>
[MemoryDiagnoser]
public class FrontEndBenchmarks
{
    private SourceText text = null!;
    private SourceText edited = null!;
    private SourceText editedBack = null!;
    private SourceText broken = null!;
    private SyntaxTree tree = null!;
    private CompilationOptions options = null!;

    /// <summary>The script: the generated tracepoint script of the stage benchmarks, or the language server's kprobe one.</summary>
    [Params(Scripts.Generated1000, Scripts.Lsp1000)]
    public string Script { get; set; } = "";

    /// <summary>Parses once and checks that the script binds without errors.</summary>
    [GlobalSetup]
    public void Setup()
    {
        text = SourceText.From(Scripts.Load(Script));
        options = CompilationOptions.Default with { Catalog = SystemProbeCatalog.Shared };
        tree = SyntaxTree.ParseText(text);
        var diagnostics = Compilation.Create(tree, options).GetDiagnostics();
        if (!diagnostics.IsEmpty)
        {
            throw new InvalidOperationException($"{Script}: " + string.Join("; ", diagnostics));
        }

        // The first line of the first statement of a probe body past the middle of the script.
        int line = text.Lines.Count / 2;
        while (!text.Lines[line - 1].ToString().EndsWith('{'))
        {
            line++;
        }

        int middle = text.Lines[line].Start;
        edited = text.WithChanges(new TextChange(new TextSpan(middle, 0), "  $z = 1;\n"));
        editedBack = edited.WithChanges(new TextChange(new TextSpan(middle, 10), ""));
        broken = text.WithChanges(new TextChange(new TextSpan(middle, 0), "  $z = \n"));
    }

    /// <summary>Text to tree.</summary>
    [Benchmark]
    public int Parse() => SyntaxTree.ParseText(text).GetDiagnostics().Length;

    /// <summary>Binding and all diagnostics of a parsed tree.</summary>
    [Benchmark]
    public int Bind() => Compilation.Create(tree, options).GetDiagnostics().Length;

    /// <summary>What the language server does for a new document: parse, bind, diagnostics.</summary>
    [Benchmark]
    public int ParseAndBind() => Compilation.Create(SyntaxTree.ParseText(text), options).GetDiagnostics().Length;

    /// <summary>A one-line statement inserted in a probe body in the middle and its removal, each through <see cref="SyntaxTree.WithChangedText"/>.</summary>
    [Benchmark]
    public int ReparseEdit() => tree.WithChangedText(edited).WithChangedText(editedBack).GetDiagnostics().Length;

    /// <summary>A statement being typed (<c>$z = </c>): the parse of a text with a syntax error, then bind.</summary>
    [Benchmark]
    public int ReparseBrokenAndBind() => Compilation.Create(tree.WithChangedText(broken), options).GetDiagnostics().Length;

    /// <summary>What the language server does after an edit: reparse, bind, diagnostics.</summary>
    [Benchmark]
    public int ReparseAndBind() => Compilation.Create(tree.WithChangedText(edited), options).GetDiagnostics().Length;
}
