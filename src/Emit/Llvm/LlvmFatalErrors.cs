using System.Runtime.InteropServices;
using BtLang.Diagnostics;
using BtLang.Emit.Llvm.Interop;

namespace BtLang.Emit.Llvm;

/// <summary>
/// LLVM ends the process on a fatal error (abort, after printing <c>LLVM ERROR: ...</c>), e.g. when the BPF backend
/// cannot encode a jump farther than 32,767 instructions. There is no way back into the emitter from there, so the
/// handler prints one diagnostic saying what went wrong and how to fix it, and exits with 1 instead of a crash.
/// </summary>
internal static unsafe class LlvmFatalErrors
{
    private const string BranchOutOfRange = "Branch target out of insn range";

    private static int s_installed;

    /// <summary>Installs the handler once per process.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref s_installed, 1) == 0)
        {
            LlvmNative.LLVMInstallFatalErrorHandler(&OnFatalError);
        }
    }

    /// <summary>The diagnostic printed for an LLVM fatal error with this reason.</summary>
    internal static Diagnostic Describe(string reason) =>
        reason.Contains(BranchOutOfRange, StringComparison.Ordinal)
            ? Diagnostic.Create(EmitDiagnostics.ProbeTooLarge, Location.None,
                    $"its BPF code needs a jump of more than 32,767 instructions (LLVM: {BranchOutOfRange})")
                .WithHint("split the work over several probes (one attach point may have several), or use a loop or a map instead of repeated statements")
            : Diagnostic.Create(EmitDiagnostics.LlvmError, Location.None, reason.ReplaceLineEndings(" "));

    [UnmanagedCallersOnly]
    private static void OnFatalError(nint reason)
    {
        try
        {
            Console.Out.Flush();
            Console.Error.Write(DiagnosticFormatter.Format(Describe(Marshal.PtrToStringUTF8(reason) ?? "unknown error")));
            Console.Error.Flush();
        }
        finally
        {
            LibcNative.Exit(1);
        }
    }
}
