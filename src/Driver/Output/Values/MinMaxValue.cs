namespace BtLang.Driver.Output;

/// <summary>A merged <c>min()</c> or <c>max()</c>; <see cref="IsSet"/> is false when no CPU recorded a value (prints 0).</summary>
public sealed record MinMaxValue(long Value, bool IsSet, bool IsMax, bool IsSigned) : Value;
