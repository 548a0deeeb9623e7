using System.Collections.Concurrent;
using System.Text.Json;
using BtLang.LanguageServer.Protocol;
using BtLang.LanguageServer.Server;
using BtLang.Semantics.ProbeCatalog;
using Nerdbank.Streams;
using StreamJsonRpc;

namespace BtLang.LanguageServer.Tests;

/// <summary>
/// A server and a StreamJsonRpc client joined by an in-memory full-duplex stream, speaking the same framed JSON-RPC
/// as over standard input/output. Collects the diagnostics the server pushes.
/// </summary>
internal sealed class LspTestClient : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, List<PublishDiagnosticsParams>> _diagnostics = new();

    private LspTestClient(LanguageServerHost host, JsonRpc rpc, Stream clientStream)
    {
        Host = host;
        Rpc = rpc;
        ClientStream = clientStream;
    }

    public LanguageServerHost Host { get; }

    public JsonRpc Rpc { get; }

    public Stream ClientStream { get; }

    public static string FixtureDirectory =>
        Path.Combine(AppContext.BaseDirectory, "fixtures", "catalog", "basic");

    public static IProbeCatalog FixtureCatalog { get; } = new SystemProbeCatalog(ProbeCatalogOptions.ForFixture(FixtureDirectory));

    public static async Task<LspTestClient> StartAsync(
        bool initialize = true, TimeSpan? diagnosticsDelay = null, Func<string, CancellationToken, Task>? beforeDocumentRequest = null)
    {
        var (serverStream, clientStream) = FullDuplexStream.CreatePair();
        var host = new LanguageServerHost(new ServerOptions
        {
            Catalog = FixtureCatalog,
            DiagnosticsDelay = diagnosticsDelay ?? TimeSpan.FromMilliseconds(20),
            BeforeDocumentRequest = beforeDocumentRequest,
        });
        host.Start(serverStream, serverStream);
        var formatter = new SystemTextJsonFormatter();
        LanguageServerHost.ConfigureSerializer(formatter.JsonSerializerOptions);
        var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(clientStream, clientStream, formatter));
        var client = new LspTestClient(host, rpc, clientStream);
        rpc.AddLocalRpcMethod(
            typeof(LspTestClient).GetMethod(nameof(OnDiagnostics), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!,
            client,
            new JsonRpcMethodAttribute("textDocument/publishDiagnostics") { UseSingleObjectParameterDeserialization = true });
        rpc.StartListening();
        if (initialize)
        {
            await rpc.InvokeWithParameterObjectAsync<JsonElement>("initialize", new { processId = (int?)null, capabilities = new { } });
            await rpc.NotifyWithParameterObjectAsync("initialized", new { });
        }
        return client;
    }

    public Task<JsonElement> RequestAsync(string method, object? parameters, CancellationToken cancellationToken = default)
        => Rpc.InvokeWithParameterObjectAsync<JsonElement>(method, parameters, cancellationToken);

    public Task<T> RequestAsync<T>(string method, object? parameters, CancellationToken cancellationToken = default)
        => Rpc.InvokeWithParameterObjectAsync<T>(method, parameters, cancellationToken);

    public Task NotifyAsync(string method, object? parameters) => Rpc.NotifyWithParameterObjectAsync(method, parameters);

    public Task OpenAsync(string uri, string text, int version = 1)
        => NotifyAsync("textDocument/didOpen", new { textDocument = new { uri, languageId = "bpftrace", version, text } });

    public Task ChangeFullAsync(string uri, int version, string text)
        => NotifyAsync("textDocument/didChange", new { textDocument = new { uri, version }, contentChanges = new[] { new { text } } });

    public Task ChangeAsync(string uri, int version, params (int Line, int Character, int EndLine, int EndCharacter, string Text)[] edits)
        => NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri, version },
            contentChanges = edits.Select(e => new
            {
                range = new { start = new { line = e.Line, character = e.Character }, end = new { line = e.EndLine, character = e.EndCharacter } },
                text = e.Text,
            }).ToArray(),
        });

    public static object At(string uri, int line, int character)
        => new { textDocument = new { uri }, position = new { line, character } };

    /// <summary>Waits for diagnostics of <paramref name="uri"/> at <paramref name="version"/> (any version if null).</summary>
    public async Task<PublishDiagnosticsParams> WaitForDiagnosticsAsync(string uri, int? version = null, int timeoutMs = 10000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            if (_diagnostics.TryGetValue(uri, out var list))
            {
                lock (list)
                {
                    var match = list.LastOrDefault(p => version is null || p.Version == version);
                    if (match is not null)
                        return match;
                }
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException($"no diagnostics for {uri} v{version}");
            await Task.Delay(5);
        }
    }

    public IReadOnlyList<PublishDiagnosticsParams> DiagnosticsOf(string uri)
    {
        if (!_diagnostics.TryGetValue(uri, out var list))
            return [];
        lock (list)
            return list.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        Rpc.Dispose();
        ClientStream.Dispose();
        await Task.Yield();
        Host.Dispose();
    }

    private void OnDiagnostics(JsonElement parameters)
    {
        var options = new JsonSerializerOptions();
        LanguageServerHost.ConfigureSerializer(options);
        var p = parameters.Deserialize<PublishDiagnosticsParams>(options)!;
        var list = _diagnostics.GetOrAdd(p.Uri, _ => []);
        lock (list)
            list.Add(p);
    }
}
