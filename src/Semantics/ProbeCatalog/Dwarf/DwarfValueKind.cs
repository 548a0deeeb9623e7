namespace BtLang.Semantics.ProbeCatalog.Dwarf;

/// <summary>How a uprobe argument's DWARF type can be read from its register.</summary>
public enum DwarfValueKind
{
    /// <summary>An integer, bool or enum of <see cref="DwarfParameter.Size"/> bytes.</summary>
    Integer,

    /// <summary>A pointer (a user-space address).</summary>
    Pointer,

    /// <summary>Floating point, struct/union/array by value, or an unknown type: not readable from a register.</summary>
    Unsupported,
}
