using BtLang.LanguageServer.Handlers.Formatting;
using BtLang.Syntax;

namespace BtLang.LanguageServer.Tests;

public sealed class FormattingTests
{
    [Theory]
    [InlineData("BEGIN{\n@x=1+2; // keep\n        if ($y>1){printf(\"a\")}\n}\n",
                "BEGIN {\n    @x = 1 + 2; // keep\n    if ($y > 1) { printf(\"a\") }\n}\n")]
    [InlineData("kprobe:vfs_read,kprobe:vfs_write /pid==1/{@[comm,pid]=count();}",
                "kprobe:vfs_read, kprobe:vfs_write /pid == 1/ { @[comm, pid] = count(); }")]
    [InlineData("tracepoint:syscalls:sys_enter_openat\n{\n\t\t$p = (uint64)args.filename;\n  @s[ $p ] = - 1;\n$i++;\n}\n",
                "tracepoint:syscalls:sys_enter_openat\n{\n    $p = (uint64)args.filename;\n    @s[$p] = -1;\n    $i++;\n}\n")]
    [InlineData("BEGIN {\n\n\n\n  exit();\n}\n", "BEGIN {\n\n    exit();\n}\n")]
    [InlineData("/* header\n   kept */\nBEGIN { printf(\"%d\\n\",\n  1); }\n", "/* header\n   kept */\nBEGIN { printf(\"%d\\n\",\n        1); }\n")]
    public void Formats(string input, string expected)
    {
        var tree = SyntaxTree.ParseText(input);
        Assert.Empty(tree.GetDiagnostics());
        string formatted = ScriptFormatter.Format(tree) ?? input;
        Assert.Equal(expected, formatted);
        Assert.Null(ScriptFormatter.Format(SyntaxTree.ParseText(formatted)));
    }

    [Fact]
    public void Leaves_text_with_syntax_errors_alone()
        => Assert.Null(ScriptFormatter.Format(SyntaxTree.ParseText("BEGIN { @x = ; ")));

    [Fact]
    public void Uses_tabs_and_crlf_when_asked_and_found()
    {
        string formatted = ScriptFormatter.Format(SyntaxTree.ParseText("BEGIN {\r\n@x = 1;\r\n}\r\n"), useTabs: true)!;
        Assert.Equal("BEGIN {\r\n\t@x = 1;\r\n}\r\n", formatted);
    }

    public static IEnumerable<object[]> Corpus()
    {
        var files = new List<string>();
        string repo = FindRepoRoot();
        foreach (var dir in new[] { Path.Combine(repo, "tests/BtLang.Syntax.Tests/ParserTests/ok"), Path.Combine(repo, "vscode-extension/test/grammar"), "/usr/sbin" })
        {
            if (Directory.Exists(dir))
                files.AddRange(Directory.GetFiles(dir, "*.bt"));
        }
        return files.Order(StringComparer.Ordinal).Select(f => new object[] { f });
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Keeps_tokens_and_comments_and_is_idempotent(string path)
    {
        string text = File.ReadAllText(path);
        var tree = SyntaxTree.ParseText(text);
        string? formatted = ScriptFormatter.Format(tree, 4, false, out string outcome);
        Assert.DoesNotContain("refused", outcome);
        if (formatted is null)
            return; // left alone: syntax errors or already formatted
        var reparsed = SyntaxTree.ParseText(formatted);
        Assert.True(ScriptFormatter.SameTokens(tree, reparsed), path);
        Assert.Equal(tree.GetDiagnostics().Length, reparsed.GetDiagnostics().Length);
        Assert.Null(ScriptFormatter.Format(reparsed));
    }

    internal static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "BtLang.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
