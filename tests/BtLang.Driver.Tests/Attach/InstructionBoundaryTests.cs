using BtLang.Semantics.ProbeCatalog.Elf;

namespace BtLang.Driver.Tests.Attach;

/// <summary>The x86-64 decoding behind the uprobe offset check, on machine code with known instruction lengths.</summary>
public sealed class InstructionBoundaryTests
{
    // push %rbp (1) | mov %rsp,%rbp (3) | mov %rdi,-0x8(%rbp) (4) | movabs $0x1122334455667788,%rax (10) | ret (1)
    private static readonly byte[] Code =
    [
        0x55,
        0x48, 0x89, 0xe5,
        0x48, 0x89, 0x7d, 0xf8,
        0x48, 0xb8, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11,
        0xc3,
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(18)]
    public void InstructionStarts(ulong offset)
    {
        Assert.Equal(InstructionBoundary.Start, InstructionBoundaries.Check(Code, offset, out _));
    }

    [Theory]
    [InlineData(2, 1, 4)]
    [InlineData(3, 1, 4)]
    [InlineData(5, 4, 8)]
    [InlineData(9, 8, 18)]
    [InlineData(17, 8, 18)]
    public void InsideAnInstructionNamesTheNearestStarts(ulong offset, ulong before, ulong after)
    {
        Assert.Equal(InstructionBoundary.Inside, InstructionBoundaries.Check(Code, offset, out var starts));
        Assert.Equal(before, starts[^2]);
        Assert.Equal(after, starts[^1]);
    }

    [Fact]
    public void PastTheEndOfTheBytesIsUnknown()
    {
        Assert.Equal(InstructionBoundary.Unknown, InstructionBoundaries.Check(Code[..6], 7, out _));
    }
}
