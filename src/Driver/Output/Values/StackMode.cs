namespace BtLang.Driver.Output;

/// <summary>How a stack prints: bpftrace (indented symbols), perf (tab, hex address, symbol) or raw (hex addresses).</summary>
public enum StackMode
{
    Bpftrace,
    Perf,
    Raw,
}
