using System.Collections.Immutable;
using BtLang.Diagnostics;
using BtLang.Syntax.InternalSyntax;
using BtLang.Syntax.Parsing;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.Syntax;

/// <summary>
/// An immutable parsed script: the source text, its path, the root node and the syntax diagnostics. Every input
/// gives a tree whose <c>GetRoot().ToFullString()</c> is exactly the input.
/// </summary>
public sealed class SyntaxTree
{
    private readonly GreenNode _green;
    private CompilationUnitSyntax? _root;

    private SyntaxTree(SourceText text, string filePath, GreenNode green, ImmutableArray<Diagnostic> diagnostics)
    {
        Text = text;
        FilePath = filePath;
        _green = green;
        Diagnostics = diagnostics;
    }

    public SourceText Text { get; }

    /// <summary>The name used in diagnostics: a file path, or <c>stdin</c> for <c>-e</c> programs.</summary>
    public string FilePath { get; }

    private ImmutableArray<Diagnostic> Diagnostics { get; }

    public static SyntaxTree ParseText(string text, string path = "stdin") => ParseText(SourceText.From(text), path);

    public static SyntaxTree ParseText(SourceText text, string path = "stdin")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        return FromResult(text, path, LanguageParser.Parse(text));
    }

    public CompilationUnitSyntax GetRoot()
    {
        if (_root is null)
        {
            var root = (CompilationUnitSyntax)SyntaxNodeFactory.CreateRed(_green, null, 0);
            root.AttachToTree(this);
            Interlocked.CompareExchange(ref _root, root, null);
        }

        return _root;
    }

    /// <summary>Syntax diagnostics (IDs BT0001..BT0999) in source order.</summary>
    public ImmutableArray<Diagnostic> GetDiagnostics() => Diagnostics;

    /// <summary>
    /// The tree for an edited text: equal to a fresh parse of <paramref name="newText"/>. When
    /// <paramref name="newText"/> was made from this tree's text by <see cref="SourceText.WithChanges(TextChange[])"/>,
    /// only the top-level members the edit touches are parsed again and the others are shared with this tree
    /// (see <see cref="IncrementalParser"/>); otherwise, or when that is not certain to give the same tree, the whole
    /// text is parsed.
    /// </summary>
    public SyntaxTree WithChangedText(SourceText newText)
    {
        ArgumentNullException.ThrowIfNull(newText);
        if (ReferenceEquals(newText, Text))
        {
            return this;
        }

        var ranges = newText.GetChangeRanges(Text);
        if (ranges.Count > 0 && !(ranges.Count == 1 && ranges[0].Span == new TextSpan(0, Text.Length)))
        {
            var diagnosticSpans = Diagnostics.Select(d => d.Location.Span).ToArray();
            var result = IncrementalParser.TryReparse(_green, diagnosticSpans, newText, TextChangeRange.Collapse(ranges));
            if (result is not null)
            {
                return FromResult(newText, FilePath, result);
            }
        }

        return ParseText(newText, FilePath);
    }

    private static SyntaxTree FromResult(SourceText text, string path, ParseResult result)
    {
        var diagnostics = result.Diagnostics
            .Select(d => Diagnostic.Create(d.Descriptor, new Location(text, path, d.Span), d.Arguments))
            .ToImmutableArray();
        return new SyntaxTree(text, path, result.Root, diagnostics);
    }

    public Location GetLocation(TextSpan span) => new(Text, FilePath, span);

    public override string ToString() => Text.ToString();
}
