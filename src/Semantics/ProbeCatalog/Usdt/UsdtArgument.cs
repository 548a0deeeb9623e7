namespace BtLang.Semantics.ProbeCatalog.Usdt;

/// <summary>
/// One parsed USDT argument spec such as <c>-4@%edi</c>, <c>8@%rax</c>, <c>-4@-20(%rbp)</c> or <c>4@$42</c>.
/// </summary>
/// <param name="Text">The spec as written in the note.</param>
/// <param name="Size">Size in bytes (1, 2, 4 or 8).</param>
/// <param name="IsSigned">True if the size was written negative.</param>
/// <param name="Kind">Constant, register or memory.</param>
/// <param name="Register">The register as written without <c>%</c> (<c>edi</c>); the base register for memory operands.</param>
/// <param name="Register64">The full 64-bit register containing <paramref name="Register"/> (<c>rdi</c>), which selects the pt_regs slot.</param>
/// <param name="Value">The constant (Constant) or the displacement (Memory).</param>
/// <param name="IndexRegister">The index register of a scaled memory operand, else null.</param>
/// <param name="Scale">The index scale (1 when there is no index).</param>
/// <param name="Symbol">A symbol displacement such as <c>counter(%rip)</c>, else null.</param>
public sealed record UsdtArgument(
    string Text,
    int Size,
    bool IsSigned,
    UsdtArgumentKind Kind,
    string? Register,
    string? Register64,
    long Value,
    string? IndexRegister,
    int Scale,
    string? Symbol);
