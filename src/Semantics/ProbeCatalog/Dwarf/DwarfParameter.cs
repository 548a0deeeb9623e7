namespace BtLang.Semantics.ProbeCatalog.Dwarf;

/// <summary>
/// A formal parameter of a function from DWARF: its name, its type as bpftrace 0.17 prints it in <c>-lv</c>
/// (<c>long int</c>, <c>const char*</c>, <c>enum color</c>, <c>struct pt</c>) and how it is read.
/// </summary>
public sealed record DwarfParameter(string Name, string TypeName, DwarfValueKind Kind, int Size, bool IsSigned, bool PointsToChar);
