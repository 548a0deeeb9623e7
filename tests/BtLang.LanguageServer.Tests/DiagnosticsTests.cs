using System.Text.Json;
using BtLang.LanguageServer.Protocol;
using BtLang.Syntax;

namespace BtLang.LanguageServer.Tests;

public sealed class DiagnosticsTests
{
    private const string Uri = "file:///tmp/diag.bt";

    [Fact]
    public async Task Syntax_errors_are_pushed_with_codes_and_ranges()
    {
        await using var client = await LspTestClient.StartAsync();
        string text = "BEGIN {\n  @x = ;\n}\n";
        await client.OpenAsync(Uri, text);
        var published = await client.WaitForDiagnosticsAsync(Uri, 1);
        var expected = SyntaxTree.ParseText(text).GetDiagnostics();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Length, published.Diagnostics.Count);
        var first = published.Diagnostics[0];
        Assert.Equal(expected[0].Id, first.Code);
        Assert.Matches("^BT0[0-9]{3}$", first.Code);
        Assert.Equal(DiagnosticSeverityKind.Error, first.Severity);
        Assert.Equal("btlang", first.Source);
        Assert.Equal(1, first.Range.Start.Line);
    }

    [Fact]
    public async Task Ranges_count_utf16_code_units()
    {
        await using var client = await LspTestClient.StartAsync();
        // "é" is one UTF-16 unit (two UTF-8 bytes), "😀" two units (four bytes): the error after them starts at
        // UTF-16 column 4 + 3 + 1 = ... computed from the text itself.
        string line = "  $s = \"é😀\"; @x = ;";
        string text = "BEGIN {\n" + line + "\n}\n";
        await client.OpenAsync(Uri, text);
        var published = await client.WaitForDiagnosticsAsync(Uri, 1);
        var diagnostic = Assert.Single(published.Diagnostics);
        var tree = SyntaxTree.ParseText(text);
        var span = tree.GetDiagnostics()[0].Location.Span;
        Assert.Equal(span.Start - text.IndexOf(line, StringComparison.Ordinal), diagnostic.Range.Start.Character);
        Assert.Equal(line.IndexOf(';', line.IndexOf("@x", StringComparison.Ordinal)), diagnostic.Range.Start.Character);
    }

    [Fact]
    public async Task Fixing_the_text_clears_the_diagnostics_and_closing_clears_them_too()
    {
        await using var client = await LspTestClient.StartAsync();
        await client.OpenAsync(Uri, "BEGIN { @x = ; }");
        Assert.NotEmpty((await client.WaitForDiagnosticsAsync(Uri, 1)).Diagnostics);
        await client.ChangeAsync(Uri, 2, (0, 13, 0, 13, "1"));
        Assert.Empty((await client.WaitForDiagnosticsAsync(Uri, 2)).Diagnostics);
        await client.ChangeAsync(Uri, 3, (0, 13, 0, 14, ""));
        Assert.NotEmpty((await client.WaitForDiagnosticsAsync(Uri, 3)).Diagnostics);
        await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = Uri } });
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && client.DiagnosticsOf(Uri)[^1].Version is not null)
            await Task.Delay(10);
        var last = client.DiagnosticsOf(Uri)[^1];
        Assert.Null(last.Version);
        Assert.Empty(last.Diagnostics);
    }

    [Fact]
    public async Task A_burst_of_edits_is_analysed_once_at_its_end()
    {
        await using var client = await LspTestClient.StartAsync(diagnosticsDelay: TimeSpan.FromSeconds(2)); // wider than any gap between the edits on a loaded machine
        await client.OpenAsync(Uri, "BEGIN { }");
        for (int version = 2; version <= 20; version++)
            await client.ChangeAsync(Uri, version, (0, 8, 0, 8, "x"));
        var published = await client.WaitForDiagnosticsAsync(Uri, 20);
        Assert.DoesNotContain(client.DiagnosticsOf(Uri), p => p.Version is > 1 and < 20);
        Assert.NotNull(published);
    }
}
