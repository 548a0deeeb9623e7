using System.Runtime.InteropServices;

namespace BtLang.Driver.LibBpf;

/// <summary>Errno values the driver reacts to, and their text.</summary>
public static class LibBpfErrors
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int ESRCH = 3;
    public const int E2BIG = 7;
    public const int EBADF = 9;
    public const int EACCES = 13;
    public const int EBUSY = 16;
    public const int EEXIST = 17;
    public const int ENODEV = 19;
    public const int EINVAL = 22;
    public const int ENOSPC = 28;
    public const int ENOSYS = 38;
    public const int EOPNOTSUPP = 95;

    /// <summary>libbpf's own error range starts here (LIBBPF_ERRNO__LIBELF).</summary>
    private const int LibBpfErrnoStart = 4000;

    /// <summary>The text for a positive errno (or libbpf error code), e.g. <c>No such file or directory</c>.</summary>
    public static unsafe string Describe(int errno)
    {
        errno = Math.Abs(errno);
        if (errno >= LibBpfErrnoStart)
        {
            byte* buffer = stackalloc byte[256];
            LibBpfNative.libbpf_strerror(errno, buffer, 256);
            return Marshal.PtrToStringUTF8((nint)buffer) ?? $"libbpf error {errno}";
        }

        return Marshal.GetPInvokeErrorMessage(errno);
    }
}
