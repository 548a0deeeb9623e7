namespace BtLang.Driver.Output;

/// <summary>
/// A merged <c>tseries()</c> value: the intervals to print, oldest first, from the first one this key has a value in
/// up to the newest interval of the whole map. <see cref="LatestEpoch"/> (the newest interval number this key wrote)
/// orders the keys of a map, least recently updated first, as bpftrace does.
/// </summary>
public sealed record TimeSeriesValue(System.Collections.Immutable.ImmutableArray<TimeSeriesPoint> Points, bool IsSigned, ulong LatestEpoch) : Value;
