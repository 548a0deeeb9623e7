namespace BtLang.Driver.Output;

/// <summary>The <c>probe</c> builtin: the full probe name.</summary>
public sealed record ProbeNameValue(string Name) : Value;
