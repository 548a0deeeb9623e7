using System.Text.Json;
using BtLang.LanguageServer.Protocol;
using StreamJsonRpc;

namespace BtLang.LanguageServer.Tests;

public sealed class RobustnessTests
{
    private static readonly string[] PositionMethods =
    [
        "textDocument/completion", "textDocument/hover", "textDocument/signatureHelp", "textDocument/definition",
        "textDocument/documentHighlight", "textDocument/prepareRename",
    ];

    private static readonly string[] DocumentMethods =
        ["textDocument/documentSymbol", "textDocument/semanticTokens/full", "textDocument/foldingRange"];

    [Fact]
    public async Task Requests_for_unknown_or_closed_documents_give_empty_results()
    {
        await using var client = await LspTestClient.StartAsync();
        const string uri = "file:///tmp/closed.bt";
        await client.OpenAsync(uri, "BEGIN { @x = 1; }");
        await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri } });
        foreach (var target in new[] { uri, "file:///never/opened.bt", "" })
        {
            foreach (var method in PositionMethods)
                Assert.Equal(JsonValueKind.Null, (await client.RequestAsync(method, LspTestClient.At(target, 0, 3))).ValueKind);
            foreach (var method in DocumentMethods)
                Assert.Equal(JsonValueKind.Null, (await client.RequestAsync(method, new { textDocument = new { uri = target } })).ValueKind);
        }
        // Changes to documents that are not open are ignored.
        await client.ChangeAsync("file:///never/opened.bt", 2, (0, 0, 0, 0, "x"));
    }

    [Fact]
    public async Task Garbage_text_and_wild_positions_never_break_the_server()
    {
        await using var client = await LspTestClient.StartAsync();
        var random = new Random(42);
        string alphabet = "kprobe:tracepoint BEGIN{}()[]/@$x=+-*;,.\"\\\n\r\t#é😀 args->retval printf(\"%d\", 1) if else while 0x1f //";
        for (int round = 0; round < 12; round++)
        {
            string uri = $"file:///tmp/garbage{round}.bt";
            var chars = Enumerable.Range(0, random.Next(0, 400)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray();
            await client.OpenAsync(uri, new string(chars));
            foreach (var method in PositionMethods)
            {
                int line = random.Next(-2, 12), character = random.Next(-2, 120);
                await AssertAnswered(client.RequestAsync(method, LspTestClient.At(uri, line, character)));
            }
            foreach (var method in DocumentMethods)
                await AssertAnswered(client.RequestAsync(method, new { textDocument = new { uri } }));
            await AssertAnswered(client.RequestAsync("textDocument/formatting", new { textDocument = new { uri }, options = new { tabSize = 2, insertSpaces = true } }));
            await AssertAnswered(client.RequestAsync("textDocument/references", new { textDocument = new { uri }, position = new { line = 0, character = 5 }, context = new { includeDeclaration = true } }));
            await AssertAnswered(client.RequestAsync("textDocument/rename", new { textDocument = new { uri }, position = new { line = 0, character = 1 }, newName = "@y" }));
            await AssertAnswered(client.RequestAsync("textDocument/codeAction", new { textDocument = new { uri }, range = new { start = new { line = 0, character = 0 }, end = new { line = 99, character = 0 } }, context = new { diagnostics = Array.Empty<object>() } }));
            // Random incremental edits, including out-of-range positions.
            for (int edit = 0; edit < 10; edit++)
            {
                await client.ChangeAsync(uri, edit + 2, (random.Next(-1, 8), random.Next(-1, 50), random.Next(-1, 8), random.Next(-1, 50), alphabet.Substring(random.Next(alphabet.Length - 5), 5)));
            }
            await client.WaitForDiagnosticsAsync(uri, 11);
        }
        // Still serving.
        var hover = await client.RequestAsync("textDocument/hover", LspTestClient.At("file:///tmp/garbage0.bt", 0, 0));
        Assert.True(hover.ValueKind is JsonValueKind.Null or JsonValueKind.Object);
    }

    [Fact]
    public async Task Malformed_parameters_get_an_error_reply_and_the_server_keeps_serving()
    {
        await using var client = await LspTestClient.StartAsync();
        await Assert.ThrowsAnyAsync<RemoteRpcException>(() => client.RequestAsync("textDocument/hover", new { textDocument = 5, position = "x" }));
        await client.NotifyAsync("textDocument/didOpen", new { textDocument = "nonsense" });
        await client.NotifyAsync("textDocument/didChange", new { contentChanges = 3 });
        await client.OpenAsync("file:///tmp/ok.bt", "BEGIN { }");
        var result = await client.RequestAsync("textDocument/documentSymbol", new { textDocument = new { uri = "file:///tmp/ok.bt" } });
        Assert.Equal(JsonValueKind.Array, result.ValueKind);
    }

    [Fact]
    public async Task Huge_documents_are_served()
    {
        await using var client = await LspTestClient.StartAsync();
        const string uri = "file:///tmp/huge.bt";
        var text = string.Concat(Enumerable.Range(0, 5000).Select(i => $"kprobe:f{i} {{ @m{i % 50}[pid] = count(); $x = {i}; }}\n"));
        await client.OpenAsync(uri, text);
        var published = await client.WaitForDiagnosticsAsync(uri, 1, timeoutMs: 60000);
        Assert.NotNull(published);
        var symbols = await client.RequestAsync("textDocument/documentSymbol", new { textDocument = new { uri } });
        Assert.True(symbols.GetArrayLength() >= 5000);
    }

    [Fact]
    public async Task Cancelled_requests_get_request_cancelled()
    {
        // The server holds the semantic-tokens request until its token is cancelled, so the answer cannot beat the
        // cancellation however fast the work is (a big document used to stand in for slow work, and raced).
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task HoldSemanticTokens(string method, CancellationToken token)
        {
            if (method == "semanticTokens")
            {
                held.TrySetResult();
                await Task.Delay(Timeout.Infinite, token);
            }
        }

        await using var client = await LspTestClient.StartAsync(beforeDocumentRequest: HoldSemanticTokens);
        const string uri = "file:///tmp/cancel.bt";
        await client.OpenAsync(uri, "kprobe:f { @m[pid] = count(); }\n");
        using var cts = new CancellationTokenSource();
        var request = client.RequestAsync("textDocument/semanticTokens/full", new { textDocument = new { uri } }, cts.Token);
        await held.Task.WaitAsync(TimeSpan.FromSeconds(30));
        cts.Cancel();
        // The client either sees its own cancellation or the server's RequestCanceled error; either way no result.
        var error = await Assert.ThrowsAnyAsync<Exception>(() => request);
        Assert.True(error is OperationCanceledException || (error is RemoteInvocationException r && r.ErrorCode == LspErrorCodes.RequestCanceled), error.ToString());
        // The server is fine afterwards.
        var folding = await client.RequestAsync("textDocument/foldingRange", new { textDocument = new { uri } });
        Assert.Equal(JsonValueKind.Array, folding.ValueKind);
    }

    private static async Task AssertAnswered(Task<JsonElement> request)
    {
        try
        {
            await request;
        }
        catch (RemoteInvocationException e)
        {
            // An error reply is acceptable, but not an internal failure.
            Assert.NotEqual(LspErrorCodes.InternalError, e.ErrorCode);
        }
    }
}
