namespace BtLang.Semantics.ProbeCatalog.Elf;

/// <summary>A function symbol of an ELF file, as uprobes and user symbolization need it.</summary>
/// <param name="Name">The symbol name as stored (mangled for C++).</param>
/// <param name="Address">The symbol value (virtual address in the file's address space).</param>
/// <param name="Size">The symbol size in bytes (0 if unknown).</param>
/// <param name="FileOffset">The file offset of <paramref name="Address"/>, which uprobes attach to.</param>
/// <param name="IsIndirect">True for STT_GNU_IFUNC (the address is the resolver).</param>
/// <param name="IsGlobal">True for global or weak binding.</param>
public sealed record ElfFunctionSymbol(string Name, ulong Address, ulong Size, ulong FileOffset, bool IsIndirect, bool IsGlobal)
{
    /// <summary>True if <paramref name="address"/> is inside [Address, Address + Size).</summary>
    public bool Contains(ulong address) => address >= Address && address < Address + Math.Max(Size, 1);
}
