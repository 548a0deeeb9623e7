namespace BtLang.Semantics.ProbeCatalog.Elf;

/// <summary>One entry of <c>/etc/ld.so.cache</c>: a soname (<c>libc.so.6</c>) and its path.</summary>
/// <param name="Name">The library name (soname).</param>
/// <param name="Path">The file it resolves to.</param>
/// <param name="Flags">The entry flags (FLAG_ELF_LIBC6 = 3 in the low byte; FLAG_X8664_LIB64 = 0x0300).</param>
public sealed record LdSoCacheEntry(string Name, string Path, int Flags)
{
    /// <summary>True for an x86-64 libc6 library (the only kind this tracer attaches to).</summary>
    public bool IsX8664 => (Flags & 0xFF00) == 0x0300 && (Flags & 0xFF) == 3;
}
