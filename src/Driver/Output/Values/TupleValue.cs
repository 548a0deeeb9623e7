namespace BtLang.Driver.Output;

/// <summary>A tuple <c>(1, a)</c>.</summary>
public sealed record TupleValue(System.Collections.Immutable.ImmutableArray<Value> Elements) : Value;
