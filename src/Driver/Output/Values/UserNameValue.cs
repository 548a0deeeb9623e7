namespace BtLang.Driver.Output;

/// <summary>The <c>username</c> builtin, resolved.</summary>
public sealed record UserNameValue(string Name) : Value;
