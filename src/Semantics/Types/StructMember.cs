namespace BtLang.Semantics.Types;

/// <summary>A member of a C struct or union, or a field of a tracepoint's <c>args</c>.</summary>
/// <param name="Name">Member name.</param>
/// <param name="Offset">Byte offset from the start of the struct.</param>
/// <param name="Type">Member type.</param>
/// <param name="BitFieldOffset">Bit offset inside the byte at <paramref name="Offset"/> for bitfields.</param>
/// <param name="BitFieldSize">Bitfield width in bits, 0 when the member is not a bitfield.</param>
/// <param name="IsDataLoc">True for tracepoint <c>__data_loc</c> fields (u32: length &lt;&lt; 16 | offset).</param>
public sealed record StructMember(string Name, int Offset, BtType Type, int BitFieldOffset = 0, int BitFieldSize = 0, bool IsDataLoc = false);
