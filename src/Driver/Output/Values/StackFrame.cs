namespace BtLang.Driver.Output;

/// <summary>One stack frame: its address and its symbol text as the resolver gave it (<c>do_sys_open+12</c>, hex when unknown).</summary>
public sealed record StackFrame(ulong Address, string Symbol);
