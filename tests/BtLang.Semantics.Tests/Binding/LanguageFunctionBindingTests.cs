using BtLang.Syntax;

namespace BtLang.Semantics.Tests.Binding;

/// <summary>Binding of the non-map language functions and constructs: what they accept, their types, and misuse.</summary>
public sealed class LanguageFunctionBindingTests
{
    [Theory]
    [InlineData("BEGIN { @x = strcontains(comm, 1); }", "BT1017", "strcontains(comm, 1)")]
    [InlineData("BEGIN { @x = strcontains(\"a\"); }", "BT1003", "strcontains(\"a\")")]
    [InlineData("tracepoint:syscalls:sys_enter_openat { @x = strcontains(str(args.filename), str(args.filename)); }", "BT1050", "strcontains(str(args.filename), str(args.filename))")]
    [InlineData("BEGIN { @x = strerror(\"x\"); }", "BT1016", "\"x\"")]
    [InlineData("BEGIN { @x = strerror(); }", "BT1003", "strerror()")]
    public void ReportsOneDiagnostic(string source, string id, string spanText)
    {
        var tree = SyntaxTree.ParseText(source);
        Assert.Empty(tree.GetDiagnostics());
        var diagnostic = Assert.Single(Compilation.Create(tree, CompilationOptions.Default with { AllowUnsafe = true }).GetDiagnostics());
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(spanText, source.Substring(diagnostic.Location.Span.Start, diagnostic.Location.Span.Length));
    }

    [Theory]
    [InlineData("BEGIN { @x = strcontains(comm, \"bt\"); }", "@x: bool")]
    [InlineData("tracepoint:syscalls:sys_enter_openat { @x = strcontains(str(args.filename), str(args.filename, 31)); }", "@x: bool")]
    [InlineData("BEGIN { @x = strerror(2); }", "@x: strerror_t")]
    [InlineData("BEGIN { @x[strerror(2)] = 1; }", "@x: map[strerror_t] -> int64")]
    public void InfersTheValueType(string source, string display)
    {
        var compilation = Compilation.Create(SyntaxTree.ParseText(source), CompilationOptions.Default with { AllowUnsafe = true });
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.IsError));
        Assert.Equal(display, compilation.Maps.Single(m => m.Name == "@x").ToDisplayString());
    }
}
