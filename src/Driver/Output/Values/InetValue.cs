namespace BtLang.Driver.Output;

/// <summary>An <c>ntop()</c> address: family 2 (IPv4) or 10 (IPv6) and its text form.</summary>
public sealed record InetValue(int Family, string Text) : Value;
