using System.Collections.Immutable;
using BtLang.Emit.Metadata;

namespace BtLang.Driver.Output;

/// <summary>The decoded contents of one map at one moment, in no particular order (printing sorts them).</summary>
public sealed class MapSnapshot
{
    public MapSnapshot(MapMetadata map, ImmutableArray<MapEntry> entries)
    {
        Map = map ?? throw new ArgumentNullException(nameof(map));
        Entries = entries.IsDefault ? ImmutableArray<MapEntry>.Empty : entries;
    }

    public MapMetadata Map { get; }

    public ImmutableArray<MapEntry> Entries { get; }

    public bool IsEmpty => Entries.IsEmpty;

    public static MapSnapshot Create(MapMetadata map, IEnumerable<MapEntry> entries) => new(map, entries.ToImmutableArray());
}
