namespace BtLang.Emit.Llvm;

/// <summary>DWARF base type encodings (DW_ATE_*) used for basic debug types; BTF INT flags follow them.</summary>
internal enum DwarfEncoding : uint
{
    Boolean = 0x02,
    Signed = 0x05,
    SignedChar = 0x06,
    Unsigned = 0x07,
    UnsignedChar = 0x08,
}
