namespace BtLang.Semantics.ProbeCatalog.Elf;

/// <summary>A PT_LOAD program header: maps file bytes [Offset, Offset + FileSize) to [VirtualAddress, ...).</summary>
public sealed record ElfLoadSegment(ulong VirtualAddress, ulong Offset, ulong FileSize, ulong MemorySize, bool IsExecutable)
{
    /// <summary>True if the virtual address is inside the segment's file-backed part.</summary>
    public bool ContainsAddress(ulong address) => address >= VirtualAddress && address < VirtualAddress + Math.Max(FileSize, MemorySize);

    /// <summary>True if the file offset is inside the segment.</summary>
    public bool ContainsOffset(ulong offset) => offset >= Offset && offset < Offset + FileSize;
}
