namespace BtLang.Driver.Output;

/// <summary>A pointer, printed <c>0x1000</c>.</summary>
public sealed record PointerValue(ulong Address, string? PointeeName = null) : Value;
