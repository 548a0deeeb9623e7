namespace BtLang.Driver.Output;

/// <summary>A string (already cut at its NUL and decoded as UTF-8).</summary>
public sealed record StringValue(string Text) : Value;
