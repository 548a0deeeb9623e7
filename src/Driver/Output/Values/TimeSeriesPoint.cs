namespace BtLang.Driver.Output;

/// <summary>One interval of a <see cref="TimeSeriesValue"/>: its start (ns since the Unix epoch, wall clock) and its value, null when nothing was recorded.</summary>
public sealed record TimeSeriesPoint(long StartUnixNanoseconds, long? Value);
