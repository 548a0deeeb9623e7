using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BtLang.Driver.LibBpf;

/// <summary>
/// Routes libbpf's print callback (<c>libbpf_set_print</c>) to managed code. The callback gets a <c>va_list</c>;
/// it is formatted with libc's <c>vsnprintf</c>. Messages go to <see cref="MessageLogged"/> (the driver prints
/// them with -v) and to every active <see cref="LibBpfLogCapture"/> on the calling flow.
/// </summary>
public static class LibBpfLog
{
    private static readonly AsyncLocal<LibBpfLogCapture?> CurrentCapture = new();
    private static readonly object InstallGate = new();
    private static bool _installed;

    /// <summary>Messages above this level (more verbose) are dropped before formatting. Default: <see cref="LibBpfLogLevel.Info"/>.</summary>
    public static LibBpfLogLevel MinimumLevel { get; set; } = LibBpfLogLevel.Info;

    /// <summary>Raised for every message at or below <see cref="MinimumLevel"/>, on the thread that called libbpf.</summary>
    public static event Action<LibBpfMessage>? MessageLogged;

    /// <summary>Starts capturing messages printed on the current async flow (nested captures all receive them).</summary>
    public static LibBpfLogCapture BeginCapture()
    {
        EnsureInstalled();
        var capture = new LibBpfLogCapture(CurrentCapture.Value);
        CurrentCapture.Value = capture;
        return capture;
    }

    internal static void EndCapture(LibBpfLogCapture capture, LibBpfLogCapture? outer)
    {
        if (ReferenceEquals(CurrentCapture.Value, capture))
        {
            CurrentCapture.Value = outer;
        }
    }

    /// <summary>Installs the print callback once per process. Every wrapper calls this before its first libbpf call.</summary>
    internal static unsafe void EnsureInstalled()
    {
        if (Volatile.Read(ref _installed))
        {
            return;
        }

        lock (InstallGate)
        {
            if (!_installed)
            {
                LibBpfNative.libbpf_set_print(&Print);
                Volatile.Write(ref _installed, true);
            }
        }
    }

    internal static void Publish(LibBpfMessage message)
    {
        CurrentCapture.Value?.Add(message);
        MessageLogged?.Invoke(message);
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int Print(int level, nint format, nint vaList)
    {
        try
        {
            var logLevel = (LibBpfLogLevel)level;
            if (logLevel > MinimumLevel)
            {
                return 0;
            }

            string text = Format(format, vaList).TrimEnd('\n');
            Publish(new LibBpfMessage(logLevel, text));
        }
        catch
        {
            // Never let an exception unwind into libbpf.
        }

        return 0;
    }

    private static unsafe string Format(nint format, nint vaList)
    {
        // vsnprintf consumes the va_list it is given, so it always gets a copy (what va_copy does: on x86-64 the
        // va_list is a pointer to a 24-byte __va_list_tag; on arm64 a 32-byte struct passed by reference).
        int vaListSize = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 32 : 24;
        byte* copy = stackalloc byte[32];
        const int SmallSize = 1024;
        byte* small = stackalloc byte[SmallSize];
        Buffer.MemoryCopy((void*)vaList, copy, 32, vaListSize);
        int length = LibcNative.vsnprintf(small, SmallSize, format, (nint)copy);
        if (length < 0)
        {
            return Marshal.PtrToStringUTF8(format) ?? string.Empty;
        }

        if (length < SmallSize)
        {
            return Marshal.PtrToStringUTF8((nint)small, length);
        }

        byte[] large = new byte[length + 1];
        fixed (byte* largePointer = large)
        {
            Buffer.MemoryCopy((void*)vaList, copy, 32, vaListSize);
            LibcNative.vsnprintf(largePointer, (nuint)large.Length, format, (nint)copy);
            return Marshal.PtrToStringUTF8((nint)largePointer, length);
        }
    }
}
