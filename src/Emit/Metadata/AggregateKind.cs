namespace BtLang.Emit.Metadata;

/// <summary>
/// How a map's value is stored and merged. The BPF layouts (all little endian, per CPU where
/// <see cref="MapMetadata.IsPerCpu"/>; user space merges the CPUs):
/// <list type="bullet">
/// <item><see cref="None"/>: the value is a plain <see cref="MapMetadata.Value"/>, last writer wins.</item>
/// <item><see cref="Count"/>, <see cref="Sum"/>: one s64 (count is never negative), summed over CPUs.</item>
/// <item><see cref="Min"/>, <see cref="Max"/>: s64 value then u64 "is set" flag (16 bytes); merged over CPUs that are set.</item>
/// <item><see cref="Avg"/>, <see cref="Stats"/>: s64 total then u64 count (16 bytes); average = total / count (integer division).</item>
/// <item><see cref="Hist"/>: <see cref="MapMetadata.Buckets"/> u64 counters; bucket layout in <see cref="HistogramLayout"/>.</item>
/// <item><see cref="LHist"/>: <see cref="MapMetadata.Buckets"/> u64 counters: below min, one per step, at or above max.</item>
/// </list>
/// </summary>
public enum AggregateKind
{
    None,
    Count,
    Sum,
    Min,
    Max,
    Avg,
    Stats,
    Hist,
    LHist,
    TSeries,
}
