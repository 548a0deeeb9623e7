using BtLang.Semantics.Binding;
using BtLang.Syntax;

namespace BtLang.Semantics.Tests.Binding;

/// <summary>
/// sizeof(e) is the size of e's type as bpftrace types it: variables keep the width of their declared type or first
/// value, tuples are laid out from their unwidened elements. Expected values are what bpftrace prints for the same
/// expressions (checked against bpftrace on this machine where its version has the construct).
/// </summary>
public sealed class SizeofBindingTests
{
    [Theory]
    [InlineData("let $x: uint16 = 1;", "$x", 2)]
    [InlineData("let $x: uint16;", "$x", 2)]
    [InlineData("let $x: int8 = 1; $x = 2;", "$x", 1)]
    [InlineData("$x = (uint16)1;", "$x", 2)]
    [InlineData("$x = (uint16)1; $x = 70000;", "$x", 2)]
    [InlineData("$x = (uint32)5;", "$x", 4)]
    [InlineData("$x = 1;", "$x", 8)]
    [InlineData("", "(uint16)1", 2)]
    [InlineData("", "(int8)3", 1)]
    [InlineData("", "1", 8)]
    [InlineData("", "\"abc\"", 4)]
    [InlineData("", "\"\\xb7\"", 2)]
    [InlineData("$s = \"abc\";", "$s", 4)]
    [InlineData("", "(1, 2)", 16)]
    [InlineData("$t = ((uint16)1, \"ab\", (int8)3);", "$t", 6)]
    [InlineData("$t = ((int8)1, 2);", "$t", 16)]
    [InlineData("$t = ((int8)1, (int16)2, \"abc\");", "$t", 8)]
    [InlineData("$t = ((uint16)1, \"ab\");", "$t.0", 2)]
    [InlineData("$t = ((uint16)1, \"ab\"); $e = $t.0;", "$e", 2)]
    [InlineData("@m = (uint16)1;", "@m", 8)]
    [InlineData("", "curtask->pid", 4)]
    [InlineData("", "curtask->comm", 16)]
    [InlineData("", "uint16", 2)]
    [InlineData("", "struct task_struct *", 8)]
    public void GivesBpftracesSize(string setup, string operand, int expected)
    {
        string source = $"BEGIN {{ {setup} @size = sizeof({operand}); }}";
        var compilation = Compilation.Create(SyntaxTree.ParseText(source));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.IsError));
        var assignment = compilation.BoundProgram.Probes.Single().Body.Statements.OfType<BoundMapAssignment>().Last();
        var literal = Assert.IsType<BoundLiteral>(assignment.Value);
        Assert.Equal((ulong)expected, literal.IntegerValue);
    }
}
