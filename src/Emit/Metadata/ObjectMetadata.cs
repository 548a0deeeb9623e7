using System.Collections.Immutable;

namespace BtLang.Emit.Metadata;

/// <summary>
/// Everything the driver needs to run a compiled object without its source: stored as UTF-8 JSON in the ELF section
/// <see cref="SectionName"/> of every object BtLang emits.
/// </summary>
public sealed record ObjectMetadata
{
    public const string SectionName = ".btlang.meta";

    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    /// <summary>The script's name as shown in messages (<c>stdin</c> or the file path).</summary>
    public string SourceName { get; init; } = "stdin";

    public ImmutableArray<ProbeMetadata> Probes { get; init; } = ImmutableArray<ProbeMetadata>.Empty;

    public ImmutableArray<MapMetadata> Maps { get; init; } = ImmutableArray<MapMetadata>.Empty;

    public ImmutableArray<FormatMetadata> Formats { get; init; } = ImmutableArray<FormatMetadata>.Empty;

    /// <summary>Names printed for the <c>probe</c> builtin, indexed by the u64 value BPF stores.</summary>
    public ImmutableArray<string> ProbeNames { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>BPF name of the ring buffer map that carries events, or null when the script sends none.</summary>
    public string? EventRingBuffer { get; init; }

    /// <summary>Name of the global (in .bss/.data) that holds the driver's pid filter and start time, if used.</summary>
    public ImmutableDictionary<string, string> Settings { get; init; } = ImmutableDictionary<string, string>.Empty;
}
