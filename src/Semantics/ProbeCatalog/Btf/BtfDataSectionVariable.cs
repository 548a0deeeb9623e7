namespace BtLang.Semantics.ProbeCatalog.Btf;

/// <summary>A variable placed in a DATASEC: its VAR type id, offset and size.</summary>
public sealed record BtfDataSectionVariable(int TypeId, uint Offset, uint Size);
