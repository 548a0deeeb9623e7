namespace BtLang.Driver.Symbols;

/// <summary>One line of <c>/proc/PID/maps</c>.</summary>
/// <param name="Start">First address.</param>
/// <param name="End">One past the last address.</param>
/// <param name="Permissions">Like <c>r-xp</c>.</param>
/// <param name="Offset">File offset of <paramref name="Start"/>.</param>
/// <param name="Inode">The mapped file's inode (0 for anonymous memory).</param>
/// <param name="Path">The mapped file or pseudo name (<c>[stack]</c>), or empty.</param>
public sealed record ProcessMapping(ulong Start, ulong End, string Permissions, ulong Offset, ulong Inode, string Path)
{
    /// <summary>True if the mapping is executable.</summary>
    public bool IsExecutable => Permissions.Length > 2 && Permissions[2] == 'x';

    /// <summary>True if the mapping is backed by a file path.</summary>
    public bool IsFile => Path.StartsWith('/') && Inode != 0;

    /// <summary>True if <paramref name="address"/> is inside.</summary>
    public bool Contains(ulong address) => address >= Start && address < End;
}
