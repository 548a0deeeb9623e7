using System.Text;
using System.Text.Json;
using BtLang.LanguageServer.Protocol;
using BtLang.LanguageServer.Server;
using Nerdbank.Streams;

namespace BtLang.LanguageServer.Tests;

/// <summary>Cancellation on the wire: a request followed by <c>$/cancelRequest</c> gets error -32800.</summary>
public sealed class CancellationTests
{
    [Fact]
    public async Task Cancel_request_gives_request_cancelled()
    {
        var (serverStream, clientStream) = FullDuplexStream.CreatePair();
        using var host = new LanguageServerHost(new ServerOptions { Catalog = LspTestClient.FixtureCatalog, DiagnosticsDelay = TimeSpan.FromSeconds(30) });
        host.Start(serverStream, serverStream);
        string text = string.Concat(Enumerable.Range(0, 20000).Select(i => $"kprobe:f{i} {{ @m[pid] = count(); $x = {i}; }}\n"));
        await WriteAsync(clientStream, new { jsonrpc = "2.0", id = 1, method = "initialize", @params = new { capabilities = new { } } });
        await WriteAsync(clientStream, new { jsonrpc = "2.0", method = "textDocument/didOpen", @params = new { textDocument = new { uri = "file:///big.bt", languageId = "bpftrace", version = 1, text } } });
        await WriteAsync(clientStream, new { jsonrpc = "2.0", id = 7, method = "textDocument/semanticTokens/full", @params = new { textDocument = new { uri = "file:///big.bt" } } });
        await WriteAsync(clientStream, new { jsonrpc = "2.0", method = "$/cancelRequest", @params = new { id = 7 } });
        using var reply = await ReadReplyAsync(clientStream, 7).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(reply.RootElement.TryGetProperty("error", out var error), reply.RootElement.ToString());
        Assert.Equal(LspErrorCodes.RequestCanceled, error.GetProperty("code").GetInt32());
        // The server keeps serving.
        await WriteAsync(clientStream, new { jsonrpc = "2.0", id = 8, method = "shutdown" });
        using var shutdown = await ReadReplyAsync(clientStream, 8).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(JsonValueKind.Null, shutdown.RootElement.GetProperty("result").ValueKind);
    }

    private static async Task WriteAsync(Stream stream, object message)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(message);
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
    }

    private static async Task<JsonDocument> ReadReplyAsync(Stream stream, int id)
    {
        while (true)
        {
            int length = 0;
            while (true)
            {
                string line = await ReadLineAsync(stream);
                if (line.Length == 0)
                    break;
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    length = int.Parse(line["Content-Length:".Length..].Trim());
            }
            var body = new byte[length];
            await stream.ReadExactlyAsync(body);
            var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("id", out var replyId) && replyId.ValueKind == JsonValueKind.Number && replyId.GetInt32() == id)
                return document;
            document.Dispose();
        }
    }

    private static async Task<string> ReadLineAsync(Stream stream)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            await stream.ReadExactlyAsync(one);
            if (one[0] == '\n')
                return line.ToString().TrimEnd('\r');
            line.Append((char)one[0]);
        }
    }
}
