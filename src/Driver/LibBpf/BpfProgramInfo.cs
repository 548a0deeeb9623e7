namespace BtLang.Driver.LibBpf;

/// <summary>What the kernel reports about a loaded program (<c>struct bpf_prog_info</c>).</summary>
/// <param name="Id">Program ID as <c>bpftool prog show</c> lists it.</param>
/// <param name="Name">Kernel-side name (at most 15 characters).</param>
/// <param name="TranslatedBytes">Size of the program after verifier rewrites (xlated_prog_len).</param>
/// <param name="VerifiedInstructions">Instructions the verifier processed (verified_insns).</param>
/// <param name="RunCount">Number of runs; counted only while <c>kernel.bpf_stats_enabled=1</c>.</param>
/// <param name="RunTimeNanoseconds">Total run time; counted only while <c>kernel.bpf_stats_enabled=1</c>.</param>
/// <param name="RecursionMisses">
/// Runs the kernel skipped because another BPF program was running on that CPU (recursion_misses; always counted).
/// </param>
public sealed record BpfProgramInfo(uint Id, string Name, uint TranslatedBytes, uint VerifiedInstructions, ulong RunCount, ulong RunTimeNanoseconds, ulong RecursionMisses = 0);
