using System.Collections.Concurrent;
using BtLang.LanguageServer.Handlers.Diagnostics;
using BtLang.LanguageServer.Protocol;
using BtLang.LanguageServer.Workspace;

namespace BtLang.LanguageServer.Server;

/// <summary>
/// Pushes <c>textDocument/publishDiagnostics</c> a short delay after the last change of a document: each change
/// cancels the pending run of that document, so a burst of keystrokes is analysed once, at its end.
/// Diagnostics located in imported files (read from disk) are pushed to those files' URIs, merged over every open
/// document that imports them, and cleared (an empty list) when no open document reports any for them any more.
/// A file that is itself open in the editor owns its URI: its own analysis (of the editor's text) is what shows there,
/// and what importers report for it is pushed again once it is closed.
/// </summary>
internal sealed class DiagnosticsPublisher : IDisposable
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _pending = new(StringComparer.Ordinal);
    private readonly Func<PublishDiagnosticsParams, Task> _publish;
    private readonly Func<IReadOnlyCollection<string>> _openUris;
    private readonly TimeSpan _delay;
    private readonly ServerLog _log;
    private readonly CancellationTokenSource _disposed = new();

    /// <summary>Imported file URI to importing document URI to what that document reports in the file.</summary>
    private readonly Dictionary<string, Dictionary<string, IReadOnlyList<LspDiagnostic>>> _imported = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _importedLock = new(1, 1);

    public DiagnosticsPublisher(Func<PublishDiagnosticsParams, Task> publish, Func<IReadOnlyCollection<string>> openUris, TimeSpan delay, ServerLog log)
    {
        _publish = publish;
        _openUris = openUris;
        _delay = delay;
        _log = log;
    }

    /// <summary>Schedules diagnostics for a document version (replacing any pending run for the document).</summary>
    public void Schedule(Document document)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
        if (_pending.TryGetValue(document.Uri, out var old))
            old.Cancel();
        _pending[document.Uri] = cts;
        _ = RunAsync(document, cts);
    }

    /// <summary>
    /// Cancels pending diagnostics of a closed document and clears what the client shows for it (or shows what the
    /// open documents importing it report there), and withdraws what it reported in the files it imports.
    /// </summary>
    public void Clear(string uri)
    {
        if (_pending.TryRemove(uri, out var old))
            old.Cancel();
        _ = ClearAsync(uri);
    }

    public void Dispose() => _disposed.Cancel();

    private async Task ClearAsync(string uri)
    {
        await _importedLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await SendAsync(new PublishDiagnosticsParams(uri, null, Merged(uri))).ConfigureAwait(false);
            await UpdateImportedAsync(uri, new Dictionary<string, IReadOnlyList<LspDiagnostic>>()).ConfigureAwait(false);
        }
        finally
        {
            _importedLock.Release();
        }
    }

    private async Task RunAsync(Document document, CancellationTokenSource cts)
    {
        var token = cts.Token;
        try
        {
            if (_delay > TimeSpan.Zero)
                await Task.Delay(_delay, token).ConfigureAwait(false);
            var diagnostics = await Task.Run(() => DiagnosticConverter.Convert(document, token), token).ConfigureAwait(false);
            if (token.IsCancellationRequested || !_pending.TryGetValue(document.Uri, out var current) || current != cts)
                return;
            await SendAsync(new PublishDiagnosticsParams(document.Uri, document.Version, diagnostics.Document)).ConfigureAwait(false);
            await _importedLock.WaitAsync(token).ConfigureAwait(false);
            try
            {
                await UpdateImportedAsync(document.Uri, diagnostics.ImportedFiles).ConfigureAwait(false);
            }
            finally
            {
                _importedLock.Release();
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            _log.Error($"diagnostics of {document.Uri} failed: {e}");
        }
        finally
        {
            _pending.TryRemove(new KeyValuePair<string, CancellationTokenSource>(document.Uri, cts));
            cts.Dispose();
        }
    }

    /// <summary>Replaces what <paramref name="importer"/> reports in imported files and pushes each file that changed (under the lock).</summary>
    private async Task UpdateImportedAsync(string importer, IReadOnlyDictionary<string, IReadOnlyList<LspDiagnostic>> files)
    {
        var touched = new HashSet<string>(files.Keys, StringComparer.Ordinal);
        foreach (var (file, importers) in _imported)
        {
            if (importers.Remove(importer))
                touched.Add(file);
        }
        foreach (var (file, diagnostics) in files)
        {
            if (!_imported.TryGetValue(file, out var importers))
                _imported[file] = importers = new Dictionary<string, IReadOnlyList<LspDiagnostic>>(StringComparer.Ordinal);
            importers[importer] = diagnostics;
        }
        var open = _openUris().Select(DocumentAnalysis.PathOf).ToHashSet(StringComparer.Ordinal);
        foreach (string file in touched.Order(StringComparer.Ordinal))
        {
            if (_imported.TryGetValue(file, out var importers) && importers.Count == 0)
                _imported.Remove(file);
            if (!open.Contains(DocumentAnalysis.PathOf(file)))
                await SendAsync(new PublishDiagnosticsParams(file, null, Merged(file))).ConfigureAwait(false);
        }
    }

    /// <summary>What the open documents importing <paramref name="file"/> report in it, each problem once.</summary>
    private List<LspDiagnostic> Merged(string file)
        => _imported.TryGetValue(file, out var importers)
            ? importers.Values.SelectMany(d => d).DistinctBy(d => (d.Range, d.Code, d.Message)).ToList()
            : [];

    private async Task SendAsync(PublishDiagnosticsParams parameters)
    {
        try
        {
            await _publish(parameters).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ObjectDisposedException or StreamJsonRpc.ConnectionLostException or IOException)
        {
        }
    }
}
