using System.Text.Json;
using System.Text.Json.Serialization;
using StreamJsonRpc;

namespace BtLang.LanguageServer.Server;

/// <summary>
/// Runs the language server over a pair of streams (standard input/output for <c>btlang-lsp</c>, in-memory pipes in
/// tests): Content-Length framed JSON-RPC through StreamJsonRpc, messages dispatched in order through the request
/// queue, replies and notifications serialised with System.Text.Json (camelCase, nulls omitted).
/// </summary>
public sealed class LanguageServerHost : IDisposable
{
    private readonly ServerOptions _options;
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private OrderedSynchronizationContext? _queue;
    private JsonRpc? _rpc;
    private LspTarget? _target;

    /// <summary>A server with the given options.</summary>
    public LanguageServerHost(ServerOptions options) => _options = options;

    /// <summary>0 after <c>shutdown</c> then <c>exit</c>; 1 when the client left without <c>shutdown</c>.</summary>
    public int ExitCode => _target?.ShutdownRequested == true ? 0 : 1;

    /// <summary>The serializer options of the protocol (also used by test clients).</summary>
    public static void ConfigureSerializer(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.PropertyNameCaseInsensitive = true;
    }

    /// <summary>Starts serving: reads requests from <paramref name="input"/>, writes replies to <paramref name="output"/>.</summary>
    public JsonRpc Start(Stream output, Stream input)
    {
        var formatter = new SystemTextJsonFormatter();
        ConfigureSerializer(formatter.JsonSerializerOptions);
        var handler = new HeaderDelimitedMessageHandler(output, input, formatter);
        var rpc = new JsonRpc(handler);
        var queue = new OrderedSynchronizationContext(e => _options.Log.Error($"unhandled: {e}"));
        _queue = queue;
        rpc.SynchronizationContext = queue;
        rpc.TraceSource.Switch.Level = System.Diagnostics.SourceLevels.Warning;
        rpc.TraceSource.Listeners.Clear();
        rpc.TraceSource.Listeners.Add(new StderrTraceListener(_options.Log));
        _target = new LspTarget(rpc, _options, OnExit);
        rpc.AddLocalRpcTarget(_target, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        _rpc = rpc;
        rpc.Disconnected += (_, e) =>
        {
            _options.Log.Info($"connection closed: {e.Reason}");
            // Messages read before the end of input are still queued: let them run (a final shutdown/exit sets the
            // exit code) before the server stops.
            queue.Post(_ => _exited.TrySetResult(), null);
        };
        rpc.StartListening();
        return rpc;
    }

    /// <summary>Completes when the client sends <c>exit</c> or closes the connection (end of standard input).</summary>
    public Task WaitForExitAsync() => _exited.Task;

    /// <summary>Stops serving.</summary>
    public void Dispose()
    {
        _target?.Dispose();
        _rpc?.Dispose();
        _queue?.Complete();
        _exited.TrySetResult();
    }

    private void OnExit()
    {
        _options.Log.Info($"exit (code {ExitCode})");
        _exited.TrySetResult();
    }
}
