using System.Diagnostics;
using System.Text;
using System.Text.Json;
using BtLang.LanguageServer.Protocol;
using BtLang.LanguageServer.Server;
using Nerdbank.Streams;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace BtLang.LanguageServer.Tests;

public sealed class LifecycleTests
{
    private const string Uri = "file:///tmp/a.bt";

    [Fact]
    public async Task Initialize_announces_incremental_sync_and_utf16()
    {
        await using var client = await LspTestClient.StartAsync(initialize: false);
        var result = await client.RequestAsync("initialize", new { processId = 1, capabilities = new { } });
        var capabilities = result.GetProperty("capabilities");
        Assert.Equal(2, capabilities.GetProperty("textDocumentSync").GetProperty("change").GetInt32());
        Assert.Equal("utf-16", capabilities.GetProperty("positionEncoding").GetString());
        Assert.True(capabilities.GetProperty("hoverProvider").GetBoolean());
        Assert.Equal("btlang-lsp", result.GetProperty("serverInfo").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Requests_before_initialize_get_server_not_initialized()
    {
        await using var client = await LspTestClient.StartAsync(initialize: false);
        var error = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.RequestAsync("textDocument/hover", LspTestClient.At(Uri, 0, 0)));
        Assert.Equal(LspErrorCodes.ServerNotInitialized, error.ErrorCode);
        // Notifications before initialize are dropped, and the server still initializes afterwards.
        await client.OpenAsync(Uri, "BEGIN { }");
        await client.RequestAsync("initialize", new { capabilities = new { } });
        var hover = await client.RequestAsync("textDocument/hover", LspTestClient.At(Uri, 0, 1));
        Assert.Equal(JsonValueKind.Null, hover.ValueKind);
    }

    [Fact]
    public async Task Second_initialize_is_refused()
    {
        await using var client = await LspTestClient.StartAsync();
        var error = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.RequestAsync("initialize", new { capabilities = new { } }));
        Assert.Equal(LspErrorCodes.InvalidRequest, error.ErrorCode);
    }

    [Fact]
    public async Task Unknown_requests_get_method_not_found_and_unknown_notifications_are_ignored()
    {
        await using var client = await LspTestClient.StartAsync();
        await client.NotifyAsync("$/unknownNotification", new { x = 1 });
        await client.NotifyAsync("workspace/didChangeConfiguration", new { settings = new { } });
        var error = await Assert.ThrowsAsync<RemoteMethodNotFoundException>(() => client.RequestAsync("textDocument/unheardOf", new { }));
        Assert.Equal(JsonRpcErrorCode.MethodNotFound, error.ErrorCode);
        // Still serving.
        var symbols = await client.RequestAsync("textDocument/documentSymbol", new { textDocument = new { uri = Uri } });
        Assert.Equal(JsonValueKind.Null, symbols.ValueKind);
    }

    [Fact]
    public async Task Shutdown_then_exit_ends_with_code_0_and_requests_after_shutdown_are_refused()
    {
        await using var client = await LspTestClient.StartAsync();
        var reply = await client.RequestAsync("shutdown", null);
        Assert.Equal(JsonValueKind.Null, reply.ValueKind);
        var error = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.RequestAsync("textDocument/hover", LspTestClient.At(Uri, 0, 0)));
        Assert.Equal(LspErrorCodes.InvalidRequest, error.ErrorCode);
        await client.NotifyAsync("exit", null);
        await client.Host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, client.Host.ExitCode);
    }

    [Fact]
    public async Task Exit_without_shutdown_ends_with_code_1()
    {
        await using var client = await LspTestClient.StartAsync();
        await client.NotifyAsync("exit", null);
        await client.Host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, client.Host.ExitCode);
    }

    [Fact]
    public async Task Server_ends_when_its_input_closes()
    {
        var (serverStream, clientStream) = FullDuplexStream.CreatePair();
        using var host = new LanguageServerHost(new ServerOptions());
        host.Start(serverStream, serverStream);
        clientStream.Dispose();
        await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Messages_read_before_end_of_input_still_run()
    {
        // shutdown + exit followed immediately by end of input: the exit code must reflect the shutdown.
        var input = new MemoryStream();
        foreach (var message in new[]
        {
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}""",
            """{"jsonrpc":"2.0","id":2,"method":"shutdown"}""",
            """{"jsonrpc":"2.0","method":"exit"}""",
        })
        {
            var body = Encoding.UTF8.GetBytes(message);
            input.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
            input.Write(body);
        }
        input.Position = 0;
        var output = new MemoryStream();
        using var host = new LanguageServerHost(new ServerOptions());
        host.Start(output, input);
        await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, host.ExitCode);
    }

    [Fact]
    public async Task Server_executable_speaks_only_protocol_on_stdout_and_exits_on_eof()
    {
        string exe = Path.Combine(AppContext.BaseDirectory, "btlang-lsp");
        Assert.True(File.Exists(exe), exe);
        var start = new ProcessStartInfo(exe)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var body = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}""");
        await process.StandardInput.BaseStream.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        await process.StandardInput.BaseStream.WriteAsync(body);
        await process.StandardInput.BaseStream.FlushAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();
        var reader = process.StandardOutput;
        string header = (await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)))!;
        Assert.StartsWith("Content-Length: ", header);
        int length = int.Parse(header["Content-Length: ".Length..]);
        Assert.Equal(string.Empty, await reader.ReadLineAsync());
        var buffer = new char[length];
        await reader.ReadBlockAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        // End of input: the server must end by itself, having written nothing else.
        process.StandardInput.Close();
        Assert.Equal(string.Empty, await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(process.WaitForExit(30000), "the server did not exit at end of input");
        await stderrTask;
        string stdout = new(buffer);
        using var reply = JsonDocument.Parse(stdout);
        Assert.Equal(1, reply.RootElement.GetProperty("id").GetInt32());
    }
}
