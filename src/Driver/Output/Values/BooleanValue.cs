namespace BtLang.Driver.Output;

/// <summary>A <c>bool</c>: <c>true</c>/<c>false</c>.</summary>
public sealed record BooleanValue(bool Value) : Value;
