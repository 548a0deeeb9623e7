namespace BtLang.Semantics.CImports;

/// <summary>
/// An integer parameter or return type of a function in an imported BPF C file, after typedefs, qualifiers and
/// enums are looked through: its C name (as the C file's BTF spells it), width and signedness.
/// </summary>
internal sealed record ExternScalarType(string CName, int Bits, bool IsSigned);
