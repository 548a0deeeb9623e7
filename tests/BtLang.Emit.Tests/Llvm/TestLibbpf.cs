using System.Runtime.InteropServices;

namespace BtLang.Emit.Tests.Llvm;

/// <summary>
/// The few libbpf 1.x calls the tests use to open and load emitted objects in memory exactly as the driver does
/// (bpf_object__open_mem), with every message libbpf prints captured and its level kept.
/// </summary>
internal static unsafe partial class TestLibbpf
{
    private const string Library = "libbpf.so.1";
    private static readonly object Gate = new();
    private static List<(int Level, string Text)>? s_messages;

    public const int Warn = 0;

    public sealed record LoadOutcome(int OpenErrno, int LoadResult, IReadOnlyList<(int Level, string Text)> Messages)
    {
        public IEnumerable<string> Warnings => Messages.Where(m => m.Level == Warn).Select(m => m.Text);

        public string Log => string.Concat(Messages.Select(m => m.Text));
    }

    /// <summary>Opens <paramref name="elf"/> from memory, loads it into the kernel, then closes it (unloading it).</summary>
    public static LoadOutcome OpenLoadClose(byte[] elf)
    {
        lock (Gate)
        {
            var messages = new List<(int, string)>();
            s_messages = messages;
            nint previous = libbpf_set_print(&Print);
            try
            {
                nint obj;
                fixed (byte* data = elf)
                {
                    obj = bpf_object__open_mem(data, (nuint)elf.Length, null);
                }

                if (obj == nint.Zero)
                {
                    return new LoadOutcome(Marshal.GetLastPInvokeError(), -1, messages);
                }

                try
                {
                    return new LoadOutcome(0, bpf_object__load(obj), messages);
                }
                finally
                {
                    bpf_object__close(obj);
                }
            }
            finally
            {
                libbpf_set_print(previous);
                s_messages = null;
            }
        }
    }

    [UnmanagedCallersOnly]
    private static int Print(int level, nint format, nint arguments)
    {
        byte* buffer = stackalloc byte[4096];
        int length = vsnprintf(buffer, 4096, format, arguments);
        string text = Marshal.PtrToStringUTF8((nint)buffer, Math.Clamp(length, 0, 4095));
        s_messages?.Add((level, text));
        return 0;
    }

    [LibraryImport(Library, SetLastError = true)]
    private static partial nint bpf_object__open_mem(byte* buffer, nuint size, void* options);

    [LibraryImport(Library)]
    private static partial int bpf_object__load(nint obj);

    [LibraryImport(Library)]
    private static partial void bpf_object__close(nint obj);

    [LibraryImport(Library)]
    private static partial nint libbpf_set_print(delegate* unmanaged<int, nint, nint, int> print);

    [LibraryImport(Library)]
    private static partial nint libbpf_set_print(nint print);

    [LibraryImport("libc")]
    private static partial int vsnprintf(byte* buffer, nuint size, nint format, nint arguments);
}
