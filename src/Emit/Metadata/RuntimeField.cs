namespace BtLang.Emit.Metadata;

/// <summary>A field of a tuple, record or struct: name (<c>"0"</c>, <c>"1"</c> for tuples), byte offset and type.</summary>
public sealed record RuntimeField(string Name, int Offset, RuntimeType Type);
