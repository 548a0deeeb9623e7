using System.Runtime.InteropServices;

namespace BtLang.Driver.LibBpf;

/// <summary>Owns a file descriptor (a perf event fd until a BPF link takes it over); releasing it calls <c>close</c>.</summary>
internal sealed class FileDescriptorHandle : SafeHandle
{
    public FileDescriptorHandle(int fd)
        : base(-1, ownsHandle: true)
    {
        SetHandle(fd);
    }

    public override bool IsInvalid => handle == -1;

    public int Fd => (int)handle;

    protected override bool ReleaseHandle()
    {
        LibcNative.close((int)handle);
        return true;
    }
}
