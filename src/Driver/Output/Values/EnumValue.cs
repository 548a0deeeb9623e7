namespace BtLang.Driver.Output;

/// <summary>An enum value: its number and, when known, its constant name (printed instead of the number).</summary>
public sealed record EnumValue(long Number, string? Name) : Value;
