using System.Diagnostics;
using BtLang.Emit.Llvm.Interop;

namespace BtLang.Emit.Llvm;

/// <summary>
/// The BPF target of libLLVM: initialised once per process (only the BPF target, not all of LLVM's), with the
/// triple <c>bpf-pc-linux</c> (little endian on this host) and cpu <c>v3</c>.
/// </summary>
internal static class BpfTarget
{
    public const string Triple = "bpf-pc-linux";
    public const string Cpu = "v3";

    private static readonly object Gate = new();
    private static bool s_initialized;
    private static string? s_error;
    private static nint s_target;
    private static string s_dataLayout = string.Empty;

    /// <summary>Wall time the one-time initialisation took (library load, target registration, layout query).</summary>
    public static TimeSpan InitializationTime { get; private set; }

    /// <summary>The target's data layout string (set on every module).</summary>
    public static string DataLayout
    {
        get
        {
            EnsureInitialized();
            return s_dataLayout;
        }
    }

    /// <summary>Initialises the target once; false with one line of explanation when libLLVM is missing or broken.</summary>
    public static bool TryInitialize(out string? error)
    {
        lock (Gate)
        {
            if (!s_initialized)
            {
                s_initialized = true;
                Stopwatch watch = Stopwatch.StartNew();
                s_error = Initialize();
                InitializationTime = watch.Elapsed;
            }

            error = s_error;
            return error is null;
        }
    }

    /// <summary>Like <see cref="TryInitialize"/>, but throws when LLVM is unusable (an environment defect).</summary>
    public static void EnsureInitialized()
    {
        if (!TryInitialize(out string? error))
        {
            throw new InvalidOperationException(error);
        }
    }

    private static string? Initialize()
    {
        if (!LlvmLibrary.TryLoad(out string? loadError))
        {
            return loadError;
        }

        LlvmFatalErrors.Install();
        LlvmNative.LLVMInitializeBPFTargetInfo();
        LlvmNative.LLVMInitializeBPFTarget();
        LlvmNative.LLVMInitializeBPFTargetMC();
        LlvmNative.LLVMInitializeBPFAsmPrinter();
        if (LlvmNative.LLVMGetTargetFromTriple(Triple, out s_target, out nint message) != 0)
        {
            return "LLVM has no BPF target: " + (Utf8.TakeMessage(message) ?? "unknown error");
        }

        using TargetMachineHandle machine = CreateTargetMachineCore();
        using TargetDataHandle layout = LlvmNative.LLVMCreateTargetDataLayout(machine);
        s_dataLayout = Utf8.TakeMessage(LlvmNative.LLVMCopyStringRepOfTargetData(layout)) ?? string.Empty;
        return null;
    }

    /// <summary>A new target machine (not thread-safe: one per emission).</summary>
    internal static TargetMachineHandle CreateTargetMachine()
    {
        EnsureInitialized();
        return CreateTargetMachineCore();
    }

    private static TargetMachineHandle CreateTargetMachineCore()
    {
        const int CodeGenLevelDefault = 2;
        const int RelocDefault = 0;
        const int CodeModelDefault = 0;
        TargetMachineHandle machine = LlvmNative.LLVMCreateTargetMachine(
            s_target, Triple, Cpu, string.Empty, CodeGenLevelDefault, RelocDefault, CodeModelDefault);
        if (machine.IsInvalid)
        {
            throw new InvalidOperationException("LLVM could not create a BPF target machine");
        }

        return machine;
    }
}
