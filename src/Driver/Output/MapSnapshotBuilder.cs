using System.Collections.Immutable;
using BtLang.Emit.Metadata;

namespace BtLang.Driver.Output;

/// <summary>
/// Collects raw entries read from a BPF map (key bytes, value bytes of one lookup) into a <see cref="MapSnapshot"/>,
/// decoding keys with the <see cref="ValueDecoder"/> and merging per-CPU values with <see cref="AggregateMerger"/>.
/// </summary>
public sealed class MapSnapshotBuilder
{
    private readonly ValueDecoder _decoder;
    private readonly int _cpuCount;
    private readonly ImmutableArray<MapEntry>.Builder _entries = ImmutableArray.CreateBuilder<MapEntry>();

    public MapSnapshotBuilder(MapMetadata map, ValueDecoder decoder, int cpuCount)
    {
        Map = map ?? throw new ArgumentNullException(nameof(map));
        _decoder = decoder ?? throw new ArgumentNullException(nameof(decoder));
        _cpuCount = Math.Max(1, cpuCount);
    }

    public MapMetadata Map { get; }

    /// <summary>Bytes the value buffer of one lookup must have (see <see cref="AggregateMerger.ValueBufferSize"/>).</summary>
    public int ValueBufferSize => AggregateMerger.ValueBufferSize(Map, _cpuCount);

    public int Count => _entries.Count;

    /// <summary>Adds one entry; for scalar maps the key bytes are ignored.</summary>
    public void Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        var decodedKey = Map.IsScalar || Map.Key.Kind == RuntimeTypeKind.None ? NoneValue.Instance : _decoder.Decode(Map.Key, key);
        _entries.Add(new MapEntry(decodedKey, AggregateMerger.Merge(Map, value, _cpuCount, _decoder)));
    }

    public MapSnapshot Build() => new(Map, _entries.ToImmutable());
}
