namespace BtLang.Driver.Output;

/// <summary>A merged <c>count()</c>.</summary>
public sealed record CountValue(ulong Count) : Value;
