using System.Reflection;
using BtLang.LanguageServer.Protocol;
using BtLang.LanguageServer.Workspace;
using BtLang.Semantics;
using StreamJsonRpc;

namespace BtLang.LanguageServer.Server;

/// <summary>
/// The JSON-RPC methods of the server. Lifecycle: requests before <c>initialize</c> get -32002, requests after
/// <c>shutdown</c> get -32600; notifications out of turn are dropped. Unknown requests get -32601 from StreamJsonRpc
/// and unknown notifications are ignored. Document notifications mutate the store synchronously (in message order);
/// read requests take the current document snapshot synchronously and run on the thread pool, honouring cancellation.
/// </summary>
internal sealed partial class LspTarget : IDisposable
{
    private readonly JsonRpc _rpc;
    private readonly ServerOptions _options;
    private readonly Action _onExit;
    private readonly DocumentStore _store;
    private readonly DiagnosticsPublisher _diagnostics;
    private readonly FeatureContext _features;
    private volatile bool _initialized;
    private volatile bool _shutdown;

    public LspTarget(JsonRpc rpc, ServerOptions options, Action onExit)
    {
        _rpc = rpc;
        _options = options;
        _onExit = onExit;
        _features = new FeatureContext(options.Catalog);
        _store = new DocumentStore(DocumentAnalysis.Factory(new CompilationOptions { Catalog = _features.Catalog }));
        _diagnostics = new DiagnosticsPublisher(
            p => _rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", p),
            () => _store.Uris,
            options.DiagnosticsDelay,
            options.Log);
    }

    public bool ShutdownRequested => _shutdown;

    public void Dispose() => _diagnostics.Dispose();

    [JsonRpcMethod("initialize")]
    public InitializeResult Initialize(InitializeParams parameters)
    {
        if (_initialized)
            throw Error(LspErrorCodes.InvalidRequest, "the server is already initialized");
        _initialized = true;
        _options.Log.Info($"initialize from {parameters.ClientInfo?.Name ?? "an unnamed client"} (pid {parameters.ProcessId?.ToString() ?? "-"}), {ServerLog.SinceProcessStart()} ms after start");
        string? version = typeof(LspTarget).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return new InitializeResult(Capabilities.Create(), new ServerInfo("btlang-lsp", version));
    }

    [JsonRpcMethod("initialized")]
    public void Initialized()
    {
    }

    [JsonRpcMethod("shutdown")]
    public object? Shutdown()
    {
        EnsureInitialized();
        _shutdown = true;
        _options.Log.Info("shutdown");
        return null;
    }

    [JsonRpcMethod("exit")]
    public void Exit() => _onExit();

    [JsonRpcMethod("textDocument/didOpen")]
    public void DidOpen(DidOpenTextDocumentParams parameters)
    {
        if (!AcceptsNotifications || string.IsNullOrEmpty(parameters?.TextDocument?.Uri))
            return;
        var document = _store.Open(parameters.TextDocument.Uri, parameters.TextDocument.Version, parameters.TextDocument.Text ?? string.Empty);
        _diagnostics.Schedule(document);
    }

    [JsonRpcMethod("textDocument/didChange")]
    public void DidChange(DidChangeTextDocumentParams parameters)
    {
        if (!AcceptsNotifications || string.IsNullOrEmpty(parameters?.TextDocument?.Uri) || parameters.ContentChanges is null)
            return;
        var document = _store.Change(parameters.TextDocument.Uri, parameters.TextDocument.Version, parameters.ContentChanges);
        if (document is not null)
            _diagnostics.Schedule(document);
        else
            _options.Log.Info($"didChange for a document that is not open: {parameters.TextDocument.Uri}");
    }

    [JsonRpcMethod("textDocument/didClose")]
    public void DidClose(DidCloseTextDocumentParams parameters)
    {
        if (!AcceptsNotifications || string.IsNullOrEmpty(parameters?.TextDocument?.Uri))
            return;
        if (_store.Close(parameters.TextDocument.Uri))
            _diagnostics.Clear(parameters.TextDocument.Uri);
    }

    [JsonRpcMethod("textDocument/didSave")]
    public void DidSave()
    {
    }

    /// <summary>The current snapshot of a document (tests and the benchmark use it).</summary>
    internal Document? GetDocument(string uri) => _store.Get(uri);

    private bool AcceptsNotifications => _initialized && !_shutdown;

    private void EnsureInitialized()
    {
        if (!_initialized)
            throw Error(LspErrorCodes.ServerNotInitialized, "the server is not initialized");
    }

    private void EnsureServing()
    {
        EnsureInitialized();
        if (_shutdown)
            throw Error(LspErrorCodes.InvalidRequest, "the server is shutting down");
    }

    private static LocalRpcException Error(int code, string message) => new(message) { ErrorCode = code };

    /// <summary>
    /// Runs a read request on the document's current snapshot, off the request queue. An unknown or closed document
    /// gives <paramref name="empty"/>; a failure of the feature becomes an error reply (the server keeps serving).
    /// </summary>
    private async Task<T> ReadAsync<T>(string method, TextDocumentIdentifier? textDocument, T empty, Func<Document, CancellationToken, T> work, CancellationToken cancellationToken)
    {
        EnsureServing();
        var document = string.IsNullOrEmpty(textDocument?.Uri) ? null : _store.Get(textDocument.Uri);
        if (document is null)
            return empty;
        try
        {
            if (_options.BeforeDocumentRequest is { } before)
            {
                await before(method, cancellationToken).ConfigureAwait(false);
            }

            return await Task.Run(() => work(document, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (LocalRpcException)
        {
            throw;
        }
        catch (Exception e)
        {
            _options.Log.Error($"{method} failed on {document.Uri} v{document.Version}: {e}");
            throw Error(LspErrorCodes.InternalError, $"{method} failed: {e.Message}");
        }
    }
}
