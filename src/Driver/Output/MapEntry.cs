namespace BtLang.Driver.Output;

/// <summary>One decoded map entry: its key (<see cref="NoneValue"/> for scalar maps) and its merged value.</summary>
public readonly record struct MapEntry(Value Key, Value Value);
