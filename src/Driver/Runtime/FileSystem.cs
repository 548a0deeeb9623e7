using System.Runtime.InteropServices;

namespace BtLang.Driver.Runtime;

/// <summary>File facts .NET does not expose: inode numbers (cgroup ids are the inodes of cgroup v2 directories).</summary>
internal static partial class FileSystem
{
    // struct stat on x86-64: st_dev (8 bytes) then st_ino (8 bytes); the whole struct is 144 bytes.
    private const int StatSize = 144;
    private const int InodeOffset = 8;

    public static unsafe ulong? Inode(string path)
    {
        byte* buffer = stackalloc byte[StatSize];
        if (stat(path, buffer) != 0)
        {
            return null;
        }

        return *(ulong*)(buffer + InodeOffset);
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int stat(string path, byte* buffer);
}
