using BtLang.Driver.LibBpf;
using BtLang.Driver.Output;
using BtLang.Emit.Metadata;

namespace BtLang.Driver.Runtime;

/// <summary>
/// Reads a script map out of its BPF map into a <see cref="MapSnapshot"/>. Histograms are stored in BPF as one
/// entry per (key, bucket); they are regrouped here into one bucket array per key, summed over CPUs.
/// </summary>
internal sealed class MapReader
{
    private readonly BpfObject _object;
    private readonly ValueDecoder _decoder;
    private readonly HashSet<string> _zeroedSlots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _entriesAtLastRead = new(StringComparer.Ordinal);

    public MapReader(BpfObject obj, ValueDecoder decoder)
    {
        _object = obj;
        _decoder = decoder;
    }

    public MapSnapshot Read(MapMetadata map) => Read(map, null);

    /// <summary>
    /// The element of <paramref name="scriptKey"/> (the map's key bytes without a histogram bucket), merged over CPUs
    /// (<c>print(@m[k])</c>); null when the map has no such key.
    /// </summary>
    public MapEntry? ReadEntry(MapMetadata map, ReadOnlySpan<byte> scriptKey)
    {
        var snapshot = Read(map, scriptKey.ToArray());
        return snapshot.IsEmpty ? null : snapshot.Entries[0];
    }

    private MapSnapshot Read(MapMetadata map, byte[]? onlyKey)
    {
        var bpfMap = _object.FindMap(map.BpfName) ?? throw new InvalidOperationException($"map {map.BpfName} is missing from the object");
        var entries = bpfMap.ReadAll();
        if (onlyKey is not null)
        {
            entries = entries.Where(e => ScriptKey(map, e.Key).SequenceEqual(onlyKey)).ToList();
        }
        else
        {
            _entriesAtLastRead[map.Name] = entries.Count;
        }
        if (map.Aggregate == AggregateKind.TSeries)
        {
            return ReadTimeSeries(map, bpfMap, entries);
        }

        if (map.BucketInKey)
        {
            return ReadHistogram(map, bpfMap, entries);
        }

        int cpus = bpfMap.IsPerCpu ? BpfMap.PossibleCpuCount : 1;
        var builder = new MapSnapshotBuilder(map, _decoder, cpus);
        foreach (var entry in entries)
        {
            if (IsUnsetSlot(map, entry.Value))
            {
                continue;
            }

            builder.Add(ScriptKey(map, entry.Key), entry.Value);
        }

        return builder.Build();
    }

    /// <summary>How many BPF entries (keys, or key-bucket pairs) the last <see cref="Read"/> of the map found; null before any.</summary>
    public int? EntriesAtLastRead(MapMetadata map) => _entriesAtLastRead.TryGetValue(map.Name, out int count) ? count : null;

    public void Clear(MapMetadata map)
    {
        _zeroedSlots.Remove(map.Name);
        _object.FindMap(map.BpfName)?.Clear();
    }

    /// <summary>zero(): keep the keys, set every value to 0.</summary>
    public void Zero(MapMetadata map)
    {
        var bpfMap = _object.FindMap(map.BpfName);
        if (bpfMap is null)
        {
            return;
        }

        if (map.BpfMapType == MapMetadata.PercpuArrayType)
        {
            // zero() keeps the key: the zeroed slot must still print as a value (0), unlike a never-set slot.
            _zeroedSlots.Add(map.Name);
        }

        var zero = new byte[bpfMap.LookupValueSize];
        foreach (var key in bpfMap.GetKeys())
        {
            bpfMap.Update(key, zero);
        }
    }

    /// <summary>A keyless one-slot array whose slot was never written (zero on every CPU) holds no value.</summary>
    private bool IsUnsetSlot(MapMetadata map, byte[] value) =>
        map.BpfMapType == MapMetadata.PercpuArrayType && !_zeroedSlots.Contains(map.Name) && !value.AsSpan().ContainsAnyExcept((byte)0);

    private static ReadOnlySpan<byte> ScriptKey(MapMetadata map, byte[] key) =>
        map.IsScalar ? ReadOnlySpan<byte>.Empty : key.AsSpan(0, Math.Min(key.Length, map.KeySize - (map.BucketInKey ? 8 : 0)));

    /// <summary>tseries: every (key, slot) element holds a (value, meta, epoch) triple per CPU.</summary>
    private MapSnapshot ReadTimeSeries(MapMetadata map, BpfMap bpfMap, List<BpfMapEntry> entries)
    {
        int scriptKeySize = map.KeySize - 8;
        int cpus = bpfMap.IsPerCpu ? BpfMap.PossibleCpuCount : 1;
        var builder = new TimeSeriesBuilder(map, Clock.TaiToRealtimeNanoseconds());
        foreach (var entry in entries)
        {
            var scriptKey = map.IsScalar ? ReadOnlySpan<byte>.Empty : entry.Key.AsSpan(0, scriptKeySize);
            bool written = false;
            for (int cpu = 0; cpu < cpus; cpu++)
            {
                var slot = bpfMap.IsPerCpu ? bpfMap.GetCpuValue(entry.Value, cpu) : entry.Value;
                ulong epoch = BitConverter.ToUInt64(slot[16..]);
                written |= epoch != 0;
                builder.Add(scriptKey, BitConverter.ToInt64(slot), BitConverter.ToUInt64(slot[8..]), epoch);
            }

            if (!written)
            {
                builder.AddUnwritten(scriptKey); // zero() keeps the key: bpftrace still prints it
            }
        }

        return builder.Build(_decoder);
    }

    private MapSnapshot ReadHistogram(MapMetadata map, BpfMap bpfMap, List<BpfMapEntry> entries)
    {
        // A keyless hist/lhist in a per-CPU array is keyed by the u32 bucket alone.
        bool bucketArray = map.BpfMapType == MapMetadata.PercpuArrayType;
        int scriptKeySize = bucketArray ? 0 : map.KeySize - 8;
        int cpus = bpfMap.IsPerCpu ? BpfMap.PossibleCpuCount : 1;
        var groups = new Dictionary<string, (byte[] Key, long[] Buckets)>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (IsUnsetSlot(map, entry.Value))
            {
                continue;
            }

            var scriptKey = entry.Key.AsSpan(0, scriptKeySize).ToArray();
            long bucket = bucketArray ? BitConverter.ToUInt32(entry.Key, 0) : BitConverter.ToInt64(entry.Key, scriptKeySize);
            if (bucket < 0 || bucket >= map.Buckets)
            {
                continue;
            }

            string id = Convert.ToHexString(scriptKey);
            if (!groups.TryGetValue(id, out var group))
            {
                group = (scriptKey, new long[map.Buckets]);
                groups[id] = group;
            }

            long count = 0;
            for (int cpu = 0; cpu < cpus; cpu++)
            {
                count += BitConverter.ToInt64(bpfMap.GetCpuValue(entry.Value, cpu));
            }

            group.Buckets[bucket] += count;
        }

        // The merged bucket arrays are handed over as a single CPU's slot.
        var builder = new MapSnapshotBuilder(map, _decoder, 1);
        var value = new byte[map.Buckets * 8];
        foreach (var (key, buckets) in groups.Values)
        {
            Buffer.BlockCopy(buckets, 0, value, 0, value.Length);
            builder.Add(map.IsScalar ? ReadOnlySpan<byte>.Empty : key, value);
        }

        return builder.Build();
    }
}
