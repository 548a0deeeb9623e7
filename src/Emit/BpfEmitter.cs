using System.Collections.Immutable;
using BtLang.Diagnostics;
using BtLang.Emit.CodeGen;
using BtLang.Emit.Llvm;
using BtLang.Semantics;

namespace BtLang.Emit;

/// <summary>Compiles a <see cref="Compilation"/> to a BPF ELF object through libLLVM 19.</summary>
public static class BpfEmitter
{
    /// <summary>
    /// Emits the object. Nothing is emitted when the compilation has errors: they are returned as the result's
    /// diagnostics. LLVM and verifier-independent code generation problems are BT2xxx diagnostics.
    /// </summary>
    public static EmitResult Emit(Compilation compilation, EmitOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= EmitOptions.Default;
        var diagnostics = compilation.GetDiagnostics(cancellationToken);
        if (diagnostics.Any(d => d.IsError))
        {
            return new EmitResult(diagnostics, null, null, null, null);
        }

        if (!BpfTarget.TryInitialize(out string? error))
        {
            return new EmitResult(diagnostics.Add(Diagnostic.Create(EmitDiagnostics.LlvmUnavailable, Location.None, error)), null, null, null, null);
        }

        using var generator = new CodeGenerator(compilation, compilation.BoundProgram, options);
        var result = generator.Generate();
        return new EmitResult(diagnostics.AddRange(result.Diagnostics), result.ObjectFile, result.Metadata, result.LlvmIr, result.OptimizedLlvmIr);
    }
}
