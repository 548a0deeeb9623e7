using System.Collections.Concurrent;
using BtLang.LanguageServer.Protocol;

namespace BtLang.LanguageServer.Workspace;

/// <summary>
/// The open documents. Mutations (open, change, close) come in order from the server's ordered dispatcher; readers on
/// any thread take the current immutable <see cref="Document"/> and keep working on it while newer versions arrive.
/// </summary>
public sealed class DocumentStore
{
    private readonly ConcurrentDictionary<string, Document> _documents = new(StringComparer.Ordinal);
    private readonly DocumentAnalysisFactory _factory;

    /// <summary>A store whose documents are analysed by <paramref name="factory"/>.</summary>
    public DocumentStore(DocumentAnalysisFactory factory) => _factory = factory;

    /// <summary>Opens (or reopens) a document.</summary>
    public Document Open(string uri, int version, string text)
    {
        var document = Document.Create(uri, version, text, _factory);
        _documents[uri] = document;
        return document;
    }

    /// <summary>Applies changes to an open document; null if it is not open.</summary>
    public Document? Change(string uri, int version, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        if (!_documents.TryGetValue(uri, out var current))
            return null;
        var next = current.WithChanges(version, changes, _factory);
        _documents[uri] = next;
        return next;
    }

    /// <summary>Closes a document; false if it was not open.</summary>
    public bool Close(string uri) => _documents.TryRemove(uri, out _);

    /// <summary>The current version of a document, or null.</summary>
    public Document? Get(string uri) => _documents.TryGetValue(uri, out var document) ? document : null;

    /// <summary>The URIs of the open documents.</summary>
    public IReadOnlyCollection<string> Uris => _documents.Keys.ToArray();
}
