using System.Text.Json;
using BtLang.LanguageServer.Protocol;
using StreamJsonRpc;

namespace BtLang.LanguageServer.Tests;

/// <summary>The read features over the in-memory connection, against the fixture probe catalog.</summary>
public sealed class FeatureTests
{
    private const string Uri = "file:///tmp/features.bt";

    // Line numbers below refer to this script.
    private const string Script =
        "kprobe:vfs_read\n" +                               // 0
        "{\n" +                                             // 1
        "  @start[tid] = nsecs;\n" +                        // 2
        "  $x = 1;\n" +                                     // 3
        "  printf(\"%d\\n\", $x);\n" +                       // 4
        "}\n" +                                             // 5
        "\n" +                                              // 6
        "kretprobe:vfs_read\n" +                            // 7
        "/@start[tid]/\n" +                                 // 8
        "{\n" +                                             // 9
        "  @ns = hist(nsecs - @start[tid]);\n" +            // 10
        "  delete(@start[tid]);\n" +                        // 11
        "}\n" +                                             // 12
        "\n" +                                              // 13
        "tracepoint:syscalls:sys_enter_openat\n" +          // 14
        "{\n" +                                             // 15
        "  $f = args.filename;\n" +                         // 16
        "}\n";                                              // 17

    private static async Task<LspTestClient> OpenAsync(string text = Script)
    {
        var client = await LspTestClient.StartAsync();
        await client.OpenAsync(Uri, text);
        return client;
    }

    private static HashSet<string> Labels(JsonElement list)
        => list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()!).ToHashSet();

    [Fact]
    public async Task Completion_offers_builtins_valid_in_the_probe()
    {
        await using var client = await OpenAsync();
        var entry = Labels(await client.RequestAsync("textDocument/completion", LspTestClient.At(Uri, 3, 2)));
        Assert.Contains("pid", entry);
        Assert.Contains("printf", entry);
        Assert.Contains("arg0", entry);
        Assert.Contains("if", entry);
        Assert.DoesNotContain("retval", entry);
        var exit = Labels(await client.RequestAsync("textDocument/completion", LspTestClient.At(Uri, 10, 2)));
        Assert.Contains("retval", exit);
        var tracepoint = Labels(await client.RequestAsync("textDocument/completion", LspTestClient.At(Uri, 16, 2)));
        Assert.Contains("args", tracepoint);
        Assert.DoesNotContain("retval", tracepoint);
        Assert.DoesNotContain("arg0", tracepoint);
    }

    [Fact]
    public async Task Completion_offers_maps_and_variables_in_scope_with_types()
    {
        await using var client = await OpenAsync();
        var list = await client.RequestAsync("textDocument/completion", LspTestClient.At(Uri, 4, 2));
        var items = list.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("label").GetString()!);
        Assert.Contains("@start", items.Keys);
        Assert.Contains("@ns", items.Keys);
        Assert.Contains("$x", items.Keys);
        Assert.DoesNotContain("$f", items.Keys); // another probe's variable
        Assert.Contains("map[", items["@start"].GetProperty("detail").GetString());
        // Typing a prefix filters, and the edit replaces the typed word.
        await client.ChangeAsync(Uri, 2, (3, 9, 3, 9, " @st"));
        var filtered = await client.RequestAsync("textDocument/completion", LspTestClient.At(Uri, 3, 13));
        var only = Assert.Single(filtered.GetProperty("items").EnumerateArray());
        Assert.Equal("@start", only.GetProperty("label").GetString());
        var edit = only.GetProperty("textEdit").GetProperty("range");
        Assert.Equal(10, edit.GetProperty("start").GetProperty("character").GetInt32());
        Assert.Equal(13, edit.GetProperty("end").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task Completion_of_builtins_carries_markdown_documentation()
    {
        await using var client = await OpenAsync();
        var list = await client.RequestAsync("textDocument/completion", LspTestClient.At(Uri, 3, 2));
        var hist = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("label").GetString() == "hist");
        Assert.Equal("markdown", hist.GetProperty("documentation").GetProperty("kind").GetString());
        Assert.Contains("hist(", hist.GetProperty("documentation").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Completion_of_args_fields_comes_from_the_tracepoint_format()
    {
        await using var client = await OpenAsync();
        await client.ChangeAsync(Uri, 2, (16, 19, 16, 19, "; $g = args.fl"));
        var labels = Labels(await client.RequestAsync("textDocument/completion", LspTestClient.At(Uri, 16, 33)));
        Assert.Equal(["flags"], labels);
        await client.ChangeAsync(Uri, 3, (16, 33, 16, 33, "x + args."));
        labels = Labels(await client.RequestAsync("textDocument/completion", LspTestClient.At(Uri, 16, 42)));
        Assert.Equal(["__syscall_nr", "dfd", "filename", "flags", "mode"], labels.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Completion_of_attach_points_reads_the_catalog()
    {
        await using var client = await OpenAsync("tracepoint:sys\n");
        var categories = Labels(await client.RequestAsync("textDocument/completion", LspTestClient.At(Uri, 0, 14)));
        Assert.Equal(["syscalls"], categories);
        await client.ChangeFullAsync(Uri, 2, "tracepoint:syscalls:sys_enter_op\n");
        var list = await client.RequestAsync("textDocument/completion", LspTestClient.At(Uri, 0, 32));
        var events = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["sys_enter_open", "sys_enter_openat"], events.Select(e => e.GetProperty("label").GetString()).Order().ToArray());
        var openat = events.Single(e => e.GetProperty("label").GetString() == "sys_enter_openat");
        Assert.Contains("filename", openat.GetProperty("documentation").GetProperty("value").GetString());
        Assert.Equal(20, openat.GetProperty("textEdit").GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
        await client.ChangeFullAsync(Uri, 3, "kp");
        var providers = Labels(await client.RequestAsync("textDocument/completion", LspTestClient.At(Uri, 0, 2)));
        Assert.Contains("kprobe", providers);
        Assert.DoesNotContain("tracepoint", providers);
        await client.ChangeFullAsync(Uri, 4, "software:");
        Assert.Contains("cpu-clock", Labels(await client.RequestAsync("textDocument/completion", LspTestClient.At(Uri, 0, 9))));
    }

    [Fact]
    public async Task Completion_of_uprobe_symbols_reads_the_named_binary()
    {
        Assert.True(File.Exists("/bin/bash"), "the test needs /bin/bash");
        await using var client = await OpenAsync("uprobe:/bin/bash:readli\n");
        var list = await client.RequestAsync("textDocument/completion", LspTestClient.At(Uri, 0, 23));
        var labels = Labels(list);
        Assert.Contains("readline", labels);
        Assert.All(labels, l => Assert.StartsWith("readli", l));
        var item = list.GetProperty("items").EnumerateArray().First(i => i.GetProperty("label").GetString() == "readline");
        Assert.Equal(17, item.GetProperty("textEdit").GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task Completion_is_capped_with_is_incomplete()
    {
        var maps = string.Concat(Enumerable.Range(0, 300).Select(i => $"  @m{i} = 1;\n"));
        await using var client = await OpenAsync("BEGIN {\n" + maps + "  \n}\n");
        var list = await client.RequestAsync("textDocument/completion", LspTestClient.At(Uri, 301, 2));
        Assert.True(list.GetProperty("isIncomplete").GetBoolean());
        Assert.Equal(200, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task No_completion_inside_comments_and_strings()
    {
        await using var client = await OpenAsync("BEGIN { // pi\n  printf(\"pi\"); }\n");
        Assert.Equal(0, (await client.RequestAsync("textDocument/completion", LspTestClient.At(Uri, 0, 13))).GetProperty("items").GetArrayLength());
        Assert.Equal(0, (await client.RequestAsync("textDocument/completion", LspTestClient.At(Uri, 1, 11))).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Hover_shows_map_types_builtin_docs_and_tracepoint_fields()
    {
        await using var client = await OpenAsync();
        var map = await client.RequestAsync("textDocument/hover", LspTestClient.At(Uri, 2, 4));
        Assert.Contains("@start: map[", map.GetProperty("contents").GetProperty("value").GetString());
        var builtin = await client.RequestAsync("textDocument/hover", LspTestClient.At(Uri, 2, 18));
        Assert.Contains("nsecs", builtin.GetProperty("contents").GetProperty("value").GetString());
        var function = await client.RequestAsync("textDocument/hover", LspTestClient.At(Uri, 10, 9));
        Assert.Contains("hist(", function.GetProperty("contents").GetProperty("value").GetString());
        var variable = await client.RequestAsync("textDocument/hover", LspTestClient.At(Uri, 3, 3));
        Assert.Contains("$x", variable.GetProperty("contents").GetProperty("value").GetString());
        var attach = await client.RequestAsync("textDocument/hover", LspTestClient.At(Uri, 14, 25));
        string text = attach.GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Contains("const char * filename", text);
        Assert.Contains("tracepoint", text);
        Assert.Equal(JsonValueKind.Null, (await client.RequestAsync("textDocument/hover", LspTestClient.At(Uri, 6, 0))).ValueKind);
    }

    [Fact]
    public async Task Signature_help_tracks_the_active_parameter()
    {
        await using var client = await OpenAsync();
        var help = await client.RequestAsync("textDocument/signatureHelp", LspTestClient.At(Uri, 4, 18));
        Assert.StartsWith("printf(", help.GetProperty("signatures")[0].GetProperty("label").GetString());
        Assert.Equal(1, help.GetProperty("activeParameter").GetInt32());
        var first = await client.RequestAsync("textDocument/signatureHelp", LspTestClient.At(Uri, 4, 9));
        Assert.Equal(0, first.GetProperty("activeParameter").GetInt32());
        Assert.Equal(JsonValueKind.Null, (await client.RequestAsync("textDocument/signatureHelp", LspTestClient.At(Uri, 3, 4))).ValueKind);
    }

    [Fact]
    public async Task Definition_references_and_highlights()
    {
        await using var client = await OpenAsync();
        var definition = await client.RequestAsync("textDocument/definition", LspTestClient.At(Uri, 4, 18));
        Assert.Equal(3, definition[0].GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        var references = await client.RequestAsync("textDocument/references", new { textDocument = new { uri = Uri }, position = new { line = 11, character = 10 }, context = new { includeDeclaration = true } });
        Assert.Equal([2, 8, 10, 11], references.EnumerateArray().Select(r => r.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32()).ToArray());
        var withoutDeclaration = await client.RequestAsync("textDocument/references", new { textDocument = new { uri = Uri }, position = new { line = 11, character = 10 }, context = new { includeDeclaration = false } });
        Assert.Equal(3, withoutDeclaration.GetArrayLength());
        var highlights = await client.RequestAsync("textDocument/documentHighlight", LspTestClient.At(Uri, 3, 3));
        Assert.Equal([(int)DocumentHighlightKind.Write, (int)DocumentHighlightKind.Read], highlights.EnumerateArray().Select(h => h.GetProperty("kind").GetInt32()).ToArray());
    }

    [Fact]
    public async Task Rename_maps_and_variables_and_refuse_builtins()
    {
        await using var client = await OpenAsync();
        var edit = await client.RequestAsync("textDocument/rename", new { textDocument = new { uri = Uri }, position = new { line = 2, character = 4 }, newName = "begin" });
        var edits = edit.GetProperty("changes").GetProperty(Uri);
        Assert.Equal(4, edits.GetArrayLength());
        Assert.All(edits.EnumerateArray(), e => Assert.Equal("@begin", e.GetProperty("newText").GetString()));
        var variable = await client.RequestAsync("textDocument/rename", new { textDocument = new { uri = Uri }, position = new { line = 3, character = 3 }, newName = "$count" });
        Assert.Equal(2, variable.GetProperty("changes").GetProperty(Uri).GetArrayLength());
        var builtin = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.RequestAsync("textDocument/rename", new { textDocument = new { uri = Uri }, position = new { line = 2, character = 18 }, newName = "x" }));
        Assert.Contains("builtin", builtin.Message);
        await Assert.ThrowsAsync<RemoteInvocationException>(() => client.RequestAsync("textDocument/rename", new { textDocument = new { uri = Uri }, position = new { line = 2, character = 4 }, newName = "@1bad" }));
        await Assert.ThrowsAsync<RemoteInvocationException>(() => client.RequestAsync("textDocument/prepareRename", LspTestClient.At(Uri, 4, 4)));
        var prepare = await client.RequestAsync("textDocument/prepareRename", LspTestClient.At(Uri, 2, 4));
        Assert.Equal("@start", prepare.GetProperty("placeholder").GetString());
    }

    [Fact]
    public async Task Semantic_diagnostics_and_the_did_you_mean_quick_fix()
    {
        await using var client = await OpenAsync("kprobe:vfs_read { $x = retval; printff(\"x\"); }\n");
        var published = await client.WaitForDiagnosticsAsync(Uri, 1);
        Assert.Contains(published.Diagnostics, d => d.Code.StartsWith("BT1", StringComparison.Ordinal) && d.Message.Contains("retval", StringComparison.Ordinal));
        var unknown = Assert.Single(published.Diagnostics, d => d.Message.Contains("printff", StringComparison.Ordinal));
        Assert.Contains("Did you mean 'printf'?", unknown.Message);
        var actions = await client.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri = Uri },
            range = unknown.Range,
            context = new { diagnostics = Array.Empty<object>() },
        });
        var action = Assert.Single(actions.EnumerateArray());
        var change = action.GetProperty("edit").GetProperty("changes").GetProperty(Uri)[0];
        Assert.Equal("printf", change.GetProperty("newText").GetString());
        Assert.Equal(31, change.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
        Assert.Equal(38, change.GetProperty("range").GetProperty("end").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task Symbols_folding_and_semantic_tokens()
    {
        await using var client = await OpenAsync("// one\n// two\nmacro twice(x) { x * 2 }\nBEGIN {\n  @a = twice(1);\n}\n");
        var symbols = await client.RequestAsync("textDocument/documentSymbol", new { textDocument = new { uri = Uri } });
        Assert.Equal(["twice", "BEGIN", "@a"], symbols.EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToArray());
        var folding = await client.RequestAsync("textDocument/foldingRange", new { textDocument = new { uri = Uri } });
        Assert.Contains(folding.EnumerateArray(), f => f.GetProperty("startLine").GetInt32() == 0 && f.GetProperty("endLine").GetInt32() == 1);
        Assert.Contains(folding.EnumerateArray(), f => f.GetProperty("startLine").GetInt32() == 3 && f.GetProperty("endLine").GetInt32() == 4);
        var tokens = await client.RequestAsync("textDocument/semanticTokens/full", new { textDocument = new { uri = Uri } });
        var data = tokens.GetProperty("data").EnumerateArray().Select(d => d.GetInt32()).ToArray();
        Assert.Equal(0, data.Length % 5);
        // The first token is the comment "// one" (line 0, column 0, length 6, type comment).
        Assert.Equal([0, 0, 6, 5], data[..4]);
    }
}
