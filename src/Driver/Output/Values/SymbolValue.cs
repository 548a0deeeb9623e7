namespace BtLang.Driver.Output;

/// <summary>A resolved <c>ksym</c>/<c>usym</c>/<c>func</c> value.</summary>
public sealed record SymbolValue(ulong Address, string Name) : Value;
