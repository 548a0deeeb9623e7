using System.Collections.Immutable;

namespace BtLang.Semantics.ProbeCatalog.Dwarf;

/// <summary>A function (DW_TAG_subprogram) of a user binary with its formal parameters in order.</summary>
public sealed record DwarfFunction(string Name, ImmutableArray<DwarfParameter> Parameters);
