namespace BtLang.Driver.Output;

/// <summary>
/// A decoded value that came from BPF (a map key or value, or an event argument), ready to be printed as text or
/// JSON. Immutable. Subclasses cover plain values (integers, strings, tuples, stacks, ...) and merged aggregates
/// (count, sum, min/max, avg, stats, hist/lhist).
/// </summary>
public abstract record Value;
