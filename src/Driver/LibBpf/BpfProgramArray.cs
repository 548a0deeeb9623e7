using System.Diagnostics.CodeAnalysis;

namespace BtLang.Driver.LibBpf;

/// <summary>
/// A <c>BPF_MAP_TYPE_PROG_ARRAY</c> of our own (not from an object): the table <c>bpf_tail_call</c> jumps through,
/// u32 index to program. Disposing it closes its fd; the kernel then empties it (a program array drops its
/// programs when its last user reference goes), so nothing it held stays loaded.
/// </summary>
public sealed unsafe class BpfProgramArray : IDisposable
{
    private readonly FileDescriptorHandle _fd;

    private BpfProgramArray(FileDescriptorHandle fd, int capacity)
    {
        _fd = fd;
        Capacity = capacity;
    }

    /// <summary>The number of slots (indexes 0 to Capacity - 1).</summary>
    public int Capacity { get; }

    /// <summary>The map fd, for a program's map reference (<see cref="BpfInstruction.LoadMapFd"/>).</summary>
    public int Fd => _fd.IsClosed ? -1 : _fd.Fd;

    /// <summary>Creates an empty array of <paramref name="capacity"/> slots. Returns false with the positive errno.</summary>
    public static bool TryCreate(string name, int capacity, [NotNullWhen(true)] out BpfProgramArray? array, out int errno)
    {
        int fd = LibBpfNative.bpf_map_create((int)BpfMapType.ProgramArray, name, sizeof(uint), sizeof(uint), (uint)capacity, null);
        if (fd < 0)
        {
            array = null;
            errno = -fd;
            return false;
        }

        array = new BpfProgramArray(new FileDescriptorHandle(fd), capacity);
        errno = 0;
        return true;
    }

    /// <summary>Puts the loaded <paramref name="program"/> in slot <paramref name="index"/>. Returns 0 or a positive errno.</summary>
    public int Set(int index, BpfProgram program)
    {
        int programFd = program.Fd;
        if (programFd < 0)
        {
            return LibBpfErrors.EBADF;
        }

        uint key = (uint)index;
        uint value = (uint)programFd;
        return -LibBpfNative.bpf_map_update_elem(_fd.Fd, &key, &value, 0);
    }

    public void Dispose() => _fd.Dispose();
}
