using BtLang.LanguageServer.Protocol;

namespace BtLang.LanguageServer.Tests;

/// <summary>
/// Diagnostics in files a document imports (read from disk): pushed to the imported file's URI, summarised (BT4001) on
/// the import statement, cleared when they go away; a file open in the editor keeps its own diagnostics.
/// </summary>
public sealed class ImportDiagnosticsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "btlang-lsp-import-" + Guid.NewGuid().ToString("N"));

    public ImportDiagnosticsTests() => Directory.CreateDirectory(Path.Combine(_directory, "lib"));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string MainUri => new Uri(Path.Combine(_directory, "main.bt")).AbsoluteUri;

    private string Write(string relativePath, string text)
    {
        string path = Path.Combine(_directory, relativePath);
        File.WriteAllText(path, text);
        return new Uri(path).AbsoluteUri;
    }

    [Fact]
    public async Task A_broken_imported_file_gets_its_diagnostics_and_a_summary_on_the_import_until_it_is_fixed()
    {
        string libUri = Write("lib/x.bt", "BEGIN\n{\n  prinft(\"x\");\n}\n");
        await using var client = await LspTestClient.StartAsync();
        await client.OpenAsync(MainUri, "import \"lib/x.bt\";\nBEGIN { printf(\"hi\\n\"); }\n");

        var main = await client.WaitForDiagnosticsAsync(MainUri, 1);
        var summary = Assert.Single(main.Diagnostics);
        Assert.Equal("BT4001", summary.Code);
        Assert.Equal(DiagnosticSeverityKind.Error, summary.Severity);
        Assert.Equal(new LspRange(new Position(0, 0), new Position(0, 18)), summary.Range);
        Assert.Equal("imported file lib/x.bt has 1 error; the first, at line 3: Unknown function: 'prinft'", summary.Message);
        var related = Assert.Single(summary.RelatedInformation!);
        Assert.Equal(libUri, related.Location.Uri);
        Assert.Equal(new LspRange(new Position(2, 2), new Position(2, 8)), related.Location.Range);

        var lib = await client.WaitForDiagnosticsAsync(libUri);
        Assert.Null(lib.Version);
        var error = Assert.Single(lib.Diagnostics);
        Assert.Equal("BT1001", error.Code);
        Assert.Equal(DiagnosticSeverityKind.Error, error.Severity);
        Assert.Equal(new LspRange(new Position(2, 2), new Position(2, 8)), error.Range);
        Assert.Equal("Unknown function: 'prinft'\nDid you mean 'printf'?", error.Message);

        // Fixed on disk, then the importing document is edited: both clear.
        Write("lib/x.bt", "BEGIN\n{\n  printf(\"x\");\n}\n");
        await client.ChangeAsync(MainUri, 2, (1, 0, 1, 0, " "));
        Assert.Empty((await client.WaitForDiagnosticsAsync(MainUri, 2)).Diagnostics);
        await WaitUntilAsync(() => client.DiagnosticsOf(libUri)[^1].Diagnostics.Count == 0);
        Assert.Equal(2, client.DiagnosticsOf(libUri).Count);
    }

    [Fact]
    public async Task Removing_the_import_clears_the_imported_file_and_a_nested_import_is_summarised_on_the_main_import()
    {
        Write("lib/a.bt", "import \"b.bt\";\nBEGIN { @a = 1; }\n");
        string bUri = Write("lib/b.bt", "BEGIN { @b = ; }\nEND { @c = ; }\n");
        await using var client = await LspTestClient.StartAsync();
        await client.OpenAsync(MainUri, "BEGIN { }\nimport \"lib/a.bt\";\n");

        var summary = Assert.Single((await client.WaitForDiagnosticsAsync(MainUri, 1)).Diagnostics);
        Assert.Equal("BT4001", summary.Code);
        Assert.Equal(new LspRange(new Position(1, 0), new Position(1, 18)), summary.Range);
        Assert.StartsWith("imported file lib/b.bt has 2 errors; the first, at line 1: ", summary.Message, StringComparison.Ordinal);
        var b = await client.WaitForDiagnosticsAsync(bUri);
        Assert.Equal(2, b.Diagnostics.Count);
        Assert.Equal([0, 1], b.Diagnostics.Select(d => d.Range.Start.Line));
        Assert.All(b.Diagnostics, d => Assert.Matches("^BT0[0-9]{3}$", d.Code));
        Assert.Contains(summary.Message[summary.Message.IndexOf(": ", StringComparison.Ordinal)..][2..], b.Diagnostics[0].Message, StringComparison.Ordinal);

        await client.ChangeAsync(MainUri, 2, (1, 0, 1, 18, ""));
        Assert.Empty((await client.WaitForDiagnosticsAsync(MainUri, 2)).Diagnostics);
        await WaitUntilAsync(() => client.DiagnosticsOf(bUri)[^1].Diagnostics.Count == 0);
    }

    [Fact]
    public async Task An_imported_file_open_in_the_editor_shows_its_own_diagnostics_and_gets_the_importers_back_when_closed()
    {
        string libUri = Write("lib/x.bt", "BEGIN { prinft(\"x\"); }\n");
        await using var client = await LspTestClient.StartAsync();
        await client.OpenAsync(MainUri, "import \"lib/x.bt\";\n");
        await client.WaitForDiagnosticsAsync(libUri, null);

        // The editor's (unsaved) text of the file is what shows for it, not the importer's view of the disk.
        await client.OpenAsync(libUri, "BEGIN { printf(\"x\"); }\n");
        Assert.Empty((await client.WaitForDiagnosticsAsync(libUri, 1)).Diagnostics);
        await client.ChangeAsync(MainUri, 2, (0, 0, 0, 0, " "));
        Assert.Equal("BT4001", Assert.Single((await client.WaitForDiagnosticsAsync(MainUri, 2)).Diagnostics).Code);
        await Task.Delay(300);
        Assert.Equal(1, client.DiagnosticsOf(libUri)[^1].Version);

        await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = libUri } });
        await WaitUntilAsync(() => client.DiagnosticsOf(libUri)[^1].Version is null);
        Assert.Equal("BT1001", Assert.Single(client.DiagnosticsOf(libUri)[^1].Diagnostics).Code);

        // Closing the importer withdraws what it reported in the file.
        await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = MainUri } });
        await WaitUntilAsync(() => client.DiagnosticsOf(libUri)[^1].Diagnostics.Count == 0);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(10);
        }
    }
}
