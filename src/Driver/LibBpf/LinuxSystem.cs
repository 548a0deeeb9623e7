using System.Runtime.InteropServices;

namespace BtLang.Driver.LibBpf;

/// <summary>Managed wrappers for the plain Linux calls the attach layer needs (mount).</summary>
public static class LinuxSystem
{
    /// <summary>Mounts a pseudo file system (<c>mount -t TYPE nodev TARGET</c>); false with a positive errno on failure.</summary>
    public static bool TryMount(string fileSystemType, string target, out int errno)
    {
        if (LibcNative.mount("nodev", target, fileSystemType, 0, 0) == 0)
        {
            errno = 0;
            return true;
        }

        errno = Marshal.GetLastPInvokeError();
        return false;
    }
}
