using BtLang.Semantics.ProbeCatalog.Usdt;

namespace BtLang.Semantics.Tests.ProbeCatalog;

public class UsdtArgumentParserTests
{
    [Fact]
    public void Parses_registers()
    {
        Assert.True(UsdtArgumentParser.TryParse("-4@%edi", out var a));
        Assert.Equal(new UsdtArgument("-4@%edi", 4, true, UsdtArgumentKind.Register, "edi", "rdi", 0, null, 1, null), a);
        Assert.True(UsdtArgumentParser.TryParse("8@%r12", out a));
        Assert.Equal("r12", a.Register64);
        Assert.True(UsdtArgumentParser.TryParse("1@%r9b", out a));
        Assert.Equal("r9", a.Register64);
        Assert.False(a.IsSigned);
    }

    [Fact]
    public void Parses_memory_and_constants()
    {
        Assert.True(UsdtArgumentParser.TryParse("-4@-20(%rbp)", out var a));
        Assert.Equal(UsdtArgumentKind.Memory, a.Kind);
        Assert.Equal("rbp", a.Register64);
        Assert.Equal(-20, a.Value);
        Assert.True(UsdtArgumentParser.TryParse("8@(%rax)", out a));
        Assert.Equal(0, a.Value);
        Assert.True(UsdtArgumentParser.TryParse("4@8(%rax,%rbx,4)", out a));
        Assert.Equal("rbx", a.IndexRegister);
        Assert.Equal(4, a.Scale);
        Assert.True(UsdtArgumentParser.TryParse("4@counter(%rip)", out a));
        Assert.Equal("counter", a.Symbol);
        Assert.Equal("rip", a.Register64);
        Assert.True(UsdtArgumentParser.TryParse("-4@$-7", out a));
        Assert.Equal(UsdtArgumentKind.Constant, a.Kind);
        Assert.Equal(-7, a.Value);
        Assert.True(UsdtArgumentParser.TryParse("8@$0x10", out a));
        Assert.Equal(16, a.Value);
    }

    [Fact]
    public void Parses_a_whole_spec_string()
    {
        Assert.True(UsdtArgumentParser.TryParseAll("-4@%edi 8@%rax  2@$3", out var args));
        Assert.Equal([4, 8, 2], args.Select(a => a.Size));
        Assert.True(UsdtArgumentParser.TryParseAll("", out args));
        Assert.Empty(args);
    }

    [Theory]
    [InlineData("3@%eax")]
    [InlineData("4@%nope")]
    [InlineData("4@")]
    [InlineData("x@%eax")]
    [InlineData("4@8(%rax")]
    [InlineData("4@8(%rax,%rbx,3)")]
    public void Rejects_malformed_specs(string spec)
    {
        Assert.False(UsdtArgumentParser.TryParse(spec, out _));
    }
}
