namespace BtLang.Driver.Output;

/// <summary>A merged <c>sum()</c>.</summary>
public sealed record SumValue(long Total, bool IsSigned) : Value;
