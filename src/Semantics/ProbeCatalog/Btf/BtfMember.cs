namespace BtLang.Semantics.ProbeCatalog.Btf;

/// <summary>A struct or union member.</summary>
/// <param name="Name">The member name; empty for anonymous struct/union members.</param>
/// <param name="TypeId">The member's type id.</param>
/// <param name="BitOffset">Offset in bits from the start of the enclosing struct.</param>
/// <param name="BitfieldSize">Bitfield width in bits, or 0 for a normal member.</param>
public sealed record BtfMember(string Name, int TypeId, uint BitOffset, uint BitfieldSize)
{
    /// <summary>The byte offset (bit offset / 8).</summary>
    public uint ByteOffset => BitOffset / 8;

    /// <summary>True for a bitfield member.</summary>
    public bool IsBitfield => BitfieldSize != 0;
}
