namespace BtLang.Semantics.Formatting;

/// <summary>
/// One bucket boundary: its numeric value and its text label. bpftrace prints some boundaries as plain integers
/// (<see cref="IsPlain"/>: <c>[0]</c>, <c>[1]</c>, lhist bounds when the step is not a multiple of 1024) and the rest
/// with K/M/G/T/P/E suffixes (<c>1K</c>). Two plain bounds one apart make a single-value bucket printed <c>[n]</c>.
/// </summary>
public readonly record struct HistogramBound(Int128 Value, string Label, bool IsPlain);
