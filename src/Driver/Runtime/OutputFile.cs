using System.Runtime.InteropServices;
using BtLang.Driver.Output;
using Microsoft.Win32.SafeHandles;

namespace BtLang.Driver.Runtime;

/// <summary>
/// Opens a file the user named for writing (-o, compile -o, --emit-elf) the way a root tool must: a symbolic link
/// in the last path component is never followed (O_NOFOLLOW), so a link planted at that name cannot redirect root's
/// output into a file the user did not name. The check is done by the kernel at open, so there is no race.
/// </summary>
internal static partial class OutputFile
{
    private const int OWronly = 0x1;
    private const int OCreat = 0x40;
    private const int OTrunc = 0x200;
    private const int ONofollow = 0x20000;
    private const int OCloexec = 0x80000;
    private const int Eloop = 40;
    private const int BufferSize = 1 << 16;

    /// <summary>A text writer over the file (created or truncated, mode 0644).</summary>
    public static TextWriter Create(string path) =>
        new StreamWriter(CreateStream(path), RawText.Encoding, BufferSize) { AutoFlush = false };

    /// <summary>The file as a stream; IOException naming the problem when it is a symbolic link or cannot be opened.</summary>
    public static FileStream CreateStream(string path)
    {
        int fd = open(path, OWronly | OCreat | OTrunc | ONofollow | OCloexec, Convert.ToInt32("644", 8));
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno == Eloop)
            {
                throw new IOException($"'{path}' is a symbolic link; btlang does not write through symbolic links (name the target file itself)");
            }

            throw new IOException(Marshal.GetPInvokeErrorMessage(errno));
        }

        return new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Write, BufferSize);
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int open(string path, int flags, int mode);
}
