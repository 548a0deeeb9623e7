namespace BtLang.Driver.Output;

/// <summary>A kernel or user stack, already symbolized.</summary>
public sealed record StackValue(System.Collections.Immutable.ImmutableArray<StackFrame> Frames, StackMode Mode, bool IsUser) : Value;
