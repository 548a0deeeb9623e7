using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace BtLang.Emit.Llvm;

/// <summary>The outcome of <see cref="LlvmModule.EmitObject"/>.</summary>
/// <param name="ObjectBytes">The ELF object, or null when any error was reported.</param>
/// <param name="Diagnostics">Errors and warnings LLVM reported while emitting.</param>
/// <param name="Remarks">Remarks and notes (e.g. "sample.bt:1:0: 39 instructions in function").</param>
/// <param name="Elapsed">Time spent in code generation.</param>
internal sealed record LlvmEmitResult(byte[]? ObjectBytes, ImmutableArray<LlvmDiagnostic> Diagnostics, ImmutableArray<LlvmDiagnostic> Remarks, TimeSpan Elapsed)
{
    [MemberNotNullWhen(true, nameof(ObjectBytes))]
    public bool Success => ObjectBytes is not null;

    public IEnumerable<LlvmDiagnostic> Errors => Diagnostics.Where(d => d.IsError);
}
