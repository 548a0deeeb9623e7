using BtLang.Emit.Llvm;

namespace BtLang.Emit.Btf;

/// <summary>A BPF program function <c>int name(void *ctx)</c> in an ELF section, ready for its body.</summary>
/// <param name="Function">The LLVM function.</param>
/// <param name="Context">Its <c>ctx</c> parameter.</param>
/// <param name="Subprogram">Its debug subprogram: the scope for <see cref="LlvmBuilder.SetLocation(int, int, LlvmMetadata)"/>.</param>
/// <param name="Entry">The entry block (empty).</param>
/// <param name="Section">The ELF section, which tells libbpf the program type and attach point.</param>
internal sealed record BpfProgram(LlvmValue Function, LlvmValue Context, LlvmMetadata Subprogram, LlvmBlock Entry, string Section);
