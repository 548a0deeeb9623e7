using System.Collections.Concurrent;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BtLang.LanguageServer.Server;
using BtLang.Semantics.ProbeCatalog;
using Nerdbank.Streams;
using StreamJsonRpc;

namespace BtLang.Benchmarks;

/// <summary>
/// The language server on a 1,000-line document over an in-memory connection (the same framed JSON-RPC as standard
/// input/output): an edit sent to its <c>publishDiagnostics</c> received, with the debounce delay set to zero, so the
/// figure is the work after the debounce (the server waits 200 ms before it by default); and a completion request.
/// </summary>
public class LspDiagnosticsBenchmarks
{
    private const string Uri = "file:///tmp/bench.bt";
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _published = new();
    private LanguageServerHost _host = null!;
    private JsonRpc _client = null!;
    private int _version;
    private int _line;

    /// <summary>Starts a server and a client, opens the document and waits for its first diagnostics.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var (serverStream, clientStream) = FullDuplexStream.CreatePair();
        _host = new LanguageServerHost(new ServerOptions { Catalog = SystemProbeCatalog.Shared, DiagnosticsDelay = TimeSpan.Zero });
        _host.Start(serverStream, serverStream);
        var formatter = new SystemTextJsonFormatter();
        LanguageServerHost.ConfigureSerializer(formatter.JsonSerializerOptions);
        _client = new JsonRpc(new HeaderDelimitedMessageHandler(clientStream, clientStream, formatter));
        _client.AddLocalRpcMethod(
            typeof(LspDiagnosticsBenchmarks).GetMethod(nameof(OnDiagnostics), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!,
            this,
            new JsonRpcMethodAttribute("textDocument/publishDiagnostics") { UseSingleObjectParameterDeserialization = true });
        _client.StartListening();
        _client.InvokeWithParameterObjectAsync<JsonElement>("initialize", new { processId = (int?)null, capabilities = new { } }).GetAwaiter().GetResult();
        _client.NotifyWithParameterObjectAsync("initialized", new { }).GetAwaiter().GetResult();
        string text = Scripts.LanguageServerDocument();
        _version = 1;
        var opened = Expect(_version);
        _client.NotifyWithParameterObjectAsync("textDocument/didOpen", new { textDocument = new { uri = Uri, languageId = "bpftrace", version = _version, text } }).GetAwaiter().GetResult();
        if (!opened.Wait(TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException("no diagnostics for the opened document");
        }
        _line = 3;
    }

    /// <summary>Stops both ends.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _host.Dispose();
    }

    /// <summary>One keystroke-sized edit (alternately inserting and removing a statement) to its diagnostics.</summary>
    [Benchmark]
    public async Task DiagnosticsAfterEdit()
    {
        int version = ++_version;
        bool insert = version % 2 == 0;
        if (insert)
        {
            _line = 3 + 9 * (version * 7 % 100);
        }

        var published = Expect(version);
        await _client.NotifyWithParameterObjectAsync("textDocument/didChange", new
        {
            textDocument = new { uri = Uri, version },
            contentChanges = new[]
            {
                new
                {
                    range = new { start = new { line = _line, character = 2 }, end = new { line = _line, character = insert ? 2 : 10 } },
                    text = insert ? "$z = 1; " : "",
                },
            },
        });
        await published.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Completion inside a probe body of the analysed document.</summary>
    [Benchmark]
    public Task<JsonElement> Completion() =>
        _client.InvokeWithParameterObjectAsync<JsonElement>("textDocument/completion", new { textDocument = new { uri = Uri }, position = new { line = 500, character = 2 } });

    private Task Expect(int version) => _published.GetOrAdd(version, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    private void OnDiagnostics(JsonElement parameters)
    {
        if (parameters.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number)
        {
            _published.GetOrAdd(v.GetInt32(), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }
}
