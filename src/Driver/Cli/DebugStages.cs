namespace BtLang.Driver.Cli;

/// <summary>
/// The stages that <c>-d STAGE[,STAGE...]</c> dumps, with bpftrace's stage names: <c>ast</c>, <c>types</c>,
/// <c>codegen</c>, <c>codegen-opt</c>, <c>libbpf</c>, <c>verifier</c>, and <c>all</c>. A bare <c>-d</c> means all.
/// </summary>
[Flags]
public enum DebugStages
{
    /// <summary>No debug output.</summary>
    None = 0,

    /// <summary><c>ast</c>: the syntax tree after parsing.</summary>
    Ast = 1 << 0,

    /// <summary><c>types</c>: the bound tree with its types.</summary>
    Types = 1 << 1,

    /// <summary><c>codegen</c>: LLVM IR before optimization.</summary>
    Codegen = 1 << 2,

    /// <summary><c>codegen-opt</c>: LLVM IR after optimization.</summary>
    CodegenOpt = 1 << 3,

    /// <summary><c>libbpf</c>: libbpf's own log messages.</summary>
    Libbpf = 1 << 4,

    /// <summary><c>verifier</c>: the kernel verifier log of every program.</summary>
    Verifier = 1 << 5,

    /// <summary><c>all</c>: every stage above.</summary>
    All = Ast | Types | Codegen | CodegenOpt | Libbpf | Verifier,
}
