namespace BtLang.Driver.Output;

/// <summary>A <c>buf()</c> value: raw bytes, printed with <c>\xNN</c> escapes.</summary>
public sealed record BufferValue(System.Collections.Immutable.ImmutableArray<byte> Bytes) : Value;
