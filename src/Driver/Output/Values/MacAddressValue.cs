namespace BtLang.Driver.Output;

/// <summary>A <c>macaddr()</c> value: <c>00:1B:44:11:3A:B7</c>.</summary>
public sealed record MacAddressValue(string Text) : Value;
