using BtLang.Syntax;

namespace BtLang.Syntax.Tests;

public sealed class RoundTripTests
{
    public static TheoryData<string> Valid => new()
    {
        "BEGIN { printf(\"hello %d %s\\n\", 42, \"world\"); exit(); }",
        "tracepoint:syscalls:sys_enter_openat { @[comm] = count(); }",
        "#!/usr/bin/env bpftrace\n// comment\nBEGIN\n{\n  /* block */ @x = 1;\n}\n",
        "interval:s:1 { exit(); }\nEND { clear(@x); }\n",
        "kprobe:vfs_read,kprobe:vfs_write /pid == 1234/ { @[probe] = count(); }",
        "#include <linux/sched.h>\nstruct Foo { int a; char b[16]; };\nBEGIN { }",
        "config = { max_strlen = 100; stack_mode = perf }\nBEGIN { }",
        "\t  \r\n  BEGIN{}\r\n",
        "",
        "   ",
        "// only a comment",
        "#",
    };

    public static TheoryData<string> Broken => new()
    {
        "BEGIN {",
        "BEGIN { printf(\"x\" }",
        "BEGIN { @x = ; }",
        "BEGIN { \"unterminated }",
        "BEGIN { /* unterminated",
        "}}}}",
        "((((",
        "BEGIN { $x = 1 $y = 2 }",
        "kprobe:f /pid == / { }",
        "kprobe:f /pid == 1 { }",
        "BEGIN { if { } else }",
        "BEGIN { ` # ¤ }",
        "@x = 1;",
        "BEGIN { (struct task_struct *) }",
        "BEGIN { x ? : }",
        "config = { a = }",
        "macro f($a { }",
        "let @m = ;",
        "import",
        "struct X { int a; ",
        "uprobe:/bin/bash:readline /",
        "BEGIN { for ($i : 0..) { } }",
        "BEGIN { 0x; 1_; 99999999999999999999999; 10xs; \"\\q\" }",
        "\"",
        "/",
        "$",
        "@",
        "BEGIN { { { { }",
        "a:b:c:d:e",
        "BEGIN { @a[1,,2] = (1,,); $r = (a=1, b=); }",
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void ValidTextRoundTripsWithoutDiagnostics(string text)
    {
        var tree = SyntaxTree.ParseText(text);
        TreeInvariants.Check(tree, text);
        Assert.Empty(tree.GetDiagnostics());
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void BrokenTextRoundTripsWithDiagnostics(string text)
    {
        var tree = SyntaxTree.ParseText(text);
        TreeInvariants.Check(tree, text);
        Assert.NotEmpty(tree.GetDiagnostics());
    }

    [Fact]
    public void DeepNestingGivesDiagnosticNotStackOverflow()
    {
        string text = "BEGIN { $x = " + new string('(', 10_000) + "1" + new string(')', 10_000) + "; }";
        var tree = SyntaxTree.ParseText(text);
        TreeInvariants.Check(tree, text);
        Assert.Contains(tree.GetDiagnostics(), d => d.Id == SyntaxDiagnostics.NestingTooDeep.Id);
    }

    [Fact]
    public void LongOperatorChainsParse()
    {
        string text = "BEGIN { $x = 1" + string.Concat(Enumerable.Repeat(" + 1", 20_000)) + "; $y = " + new string('-', 5_000) + "1; }";
        var tree = SyntaxTree.ParseText(text);
        TreeInvariants.Check(tree, text);
        Assert.Empty(tree.GetDiagnostics());

        // A walker on a small stack either finishes or throws a catchable exception; it never overflows.
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    new NodeCounter().Visit(tree.GetRoot());
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            256 * 1024);
        thread.Start();
        thread.Join();
        Assert.True(failure is null or InsufficientExecutionStackException, failure?.ToString());
    }

    private sealed class NodeCounter : SyntaxWalker
    {
    }
}
