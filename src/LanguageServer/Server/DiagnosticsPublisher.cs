using System.Collections.Concurrent;
using BtLang.LanguageServer.Handlers.Diagnostics;
using BtLang.LanguageServer.Protocol;
using BtLang.LanguageServer.Workspace;

namespace BtLang.LanguageServer.Server;

/// <summary>
/// Pushes <c>textDocument/publishDiagnostics</c> a short delay after the last change of a document: each change
/// cancels the pending run of that document, so a burst of keystrokes is analysed once, at its end.
/// </summary>
internal sealed class DiagnosticsPublisher : IDisposable
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _pending = new(StringComparer.Ordinal);
    private readonly Func<PublishDiagnosticsParams, Task> _publish;
    private readonly TimeSpan _delay;
    private readonly ServerLog _log;
    private readonly CancellationTokenSource _disposed = new();

    public DiagnosticsPublisher(Func<PublishDiagnosticsParams, Task> publish, TimeSpan delay, ServerLog log)
    {
        _publish = publish;
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

    /// <summary>Cancels pending diagnostics of a closed document and clears what the client shows for it.</summary>
    public void Clear(string uri)
    {
        if (_pending.TryRemove(uri, out var old))
            old.Cancel();
        _ = SendAsync(new PublishDiagnosticsParams(uri, null, []));
    }

    public void Dispose() => _disposed.Cancel();

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
            await SendAsync(new PublishDiagnosticsParams(document.Uri, document.Version, diagnostics)).ConfigureAwait(false);
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
