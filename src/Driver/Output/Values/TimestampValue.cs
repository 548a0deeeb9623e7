namespace BtLang.Driver.Output;

/// <summary>A <c>strftime()</c> value, already formatted.</summary>
public sealed record TimestampValue(string Text) : Value;
