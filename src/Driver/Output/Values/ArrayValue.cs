namespace BtLang.Driver.Output;

/// <summary>A fixed-size array, printed <c>[1,2,3]</c>.</summary>
public sealed record ArrayValue(System.Collections.Immutable.ImmutableArray<Value> Elements) : Value;
