using System.Collections.Immutable;
using BtLang.Diagnostics;
using BtLang.Emit.Metadata;

namespace BtLang.Emit;

/// <summary>The outcome of <see cref="BpfEmitter.Emit"/>: success, diagnostics, and on success the object and its metadata.</summary>
public sealed class EmitResult
{
    internal EmitResult(ImmutableArray<Diagnostic> diagnostics, byte[]? objectFile, ObjectMetadata? metadata, string? ir, string? optimizedIr)
    {
        Diagnostics = diagnostics;
        ObjectFile = objectFile;
        Metadata = metadata;
        LlvmIr = ir;
        OptimizedLlvmIr = optimizedIr;
    }

    /// <summary>This result with another object, e.g. the script's object linked with the BPF C files it imports.</summary>
    public EmitResult WithObjectFile(byte[] objectFile) => new(Diagnostics, objectFile, Metadata, LlvmIr, OptimizedLlvmIr);

    public bool Success => ObjectFile is not null && !Diagnostics.Any(d => d.IsError);

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The BPF ELF object (with BTF-defined maps and the <c>.btlang.meta</c> section).</summary>
    public byte[]? ObjectFile { get; }

    public ObjectMetadata? Metadata { get; }

    /// <summary>LLVM IR before optimisation, when <see cref="EmitOptions.KeepIr"/> is set.</summary>
    public string? LlvmIr { get; }

    /// <summary>LLVM IR after optimisation, when <see cref="EmitOptions.KeepIr"/> is set.</summary>
    public string? OptimizedLlvmIr { get; }
}
