using BtLang.LanguageServer.Protocol;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.LanguageServer.Workspace;

/// <summary>
/// One immutable version of an open document: its text, line map and (computed once, on first use, shared by every
/// feature) its parse and compilation. Edits make a new <see cref="Document"/>; readers keep the one they took.
/// </summary>
public sealed class Document
{
    private readonly Lazy<LineMap> _lines;
    private readonly Lazy<DocumentAnalysis> _analysis;

    /// <summary>Until this version is analysed: the newest earlier version that was (its tree is reparsed incrementally).</summary>
    private Document? _analysedAncestor;

    private Document(string uri, int version, SourceText text, Document? previous, DocumentAnalysisFactory factory)
    {
        Uri = uri;
        Version = version;
        Text = text;
        _lines = new Lazy<LineMap>(() => LineMap.Create(text), LazyThreadSafetyMode.ExecutionAndPublication);
        // Reparse incrementally from the newest earlier version whose tree was already built (a burst of keystrokes
        // skips the versions in between): never build an old version just to throw it away.
        _analysedAncestor = previous is null ? null : previous.IsAnalyzed ? previous : previous._analysedAncestor;
        _analysis = new Lazy<DocumentAnalysis>(
            () =>
            {
                var analysis = factory(this, _analysedAncestor?._analysis.Value);
                _analysedAncestor = null; // the older versions can go now
                return analysis;
            },
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The document's URI as the client sent it.</summary>
    public string Uri { get; }

    /// <summary>The client's version number.</summary>
    public int Version { get; }

    /// <summary>The text.</summary>
    public SourceText Text { get; }

    /// <summary>Offsets to LSP positions and back.</summary>
    public LineMap Lines => _lines.Value;

    /// <summary>The parse and compilation of this version (built on first use, then shared).</summary>
    public DocumentAnalysis Analysis => _analysis.Value;

    /// <summary>True once <see cref="Analysis"/> was built.</summary>
    public bool IsAnalyzed => _analysis.IsValueCreated;

    /// <summary>A new document.</summary>
    public static Document Create(string uri, int version, string text, DocumentAnalysisFactory factory)
        => new(uri, version, SourceText.From(text), null, factory);

    /// <summary>
    /// Applies LSP content changes in order: a change without a range replaces the whole text, one with a range is
    /// applied through <see cref="SourceText.WithChanges(TextChange[])"/> on the text left by the previous change.
    /// </summary>
    public Document WithChanges(int version, IReadOnlyList<TextDocumentContentChangeEvent> changes, DocumentAnalysisFactory factory)
    {
        SourceText text = Text;
        LineMap? lines = _lines.IsValueCreated ? _lines.Value : null;
        bool wholeText = false;
        foreach (var change in changes)
        {
            if (change.Range is null)
            {
                text = SourceText.From(change.Text ?? string.Empty);
                wholeText = true;
            }
            else
            {
                lines ??= LineMap.Create(text);
                var span = lines.GetSpan(change.Range);
                text = Apply(text, new TextChange(span, change.Text ?? string.Empty));
            }
            lines = null;
        }
        return new Document(Uri, version, text, wholeText ? null : this, factory);
    }

    private static SourceText Apply(SourceText text, TextChange change)
    {
        try
        {
            return text.WithChanges(change);
        }
        catch (ArgumentException)
        {
            // Roslyn's composite text can throw when an edit joins a '\r' and a '\n' across segment boundaries
            // (CompositeText.RemoveSplitLineBreaksAndEmptySegments); apply the edit to a flat copy instead.
            string flat = text.ToString();
            return SourceText.From(string.Concat(flat.AsSpan(0, change.Span.Start), change.NewText, flat.AsSpan(change.Span.End)));
        }
    }
}
