using System.Collections.Immutable;
using BtLang.Emit.Metadata;

namespace BtLang.Driver.Output;

/// <summary>
/// Rebuilds the <c>tseries()</c> values of one map from its BPF elements, like bpftrace: every (key, slot) element
/// holds one (value, meta, epoch) per CPU; slots of the same epoch merge with the map's aggregation (without one the
/// latest write wins, by meta = write time); the map shows its newest <c>num_intervals</c> epochs, and each key the
/// part of that window from its first recorded epoch on, missing intervals as null. An element whose slots are all
/// unwritten (epoch 0 on every CPU, as <c>zero()</c> leaves every element) still makes its key appear, with epoch 0
/// and value 0, like bpftrace 0.26's <c>collect_tseries_data</c>: a zeroed key prints <c>&lt;no data&gt;</c> (or one
/// empty interval when other keys have newer data).
/// </summary>
public sealed class TimeSeriesBuilder
{
    private readonly MapMetadata _map;
    private readonly long _taiToRealtimeNanoseconds;
    private readonly Dictionary<string, (byte[] Key, Dictionary<ulong, (long Value, ulong Meta)> Epochs)> _keys = new(StringComparer.Ordinal);
    private readonly List<string> _order = new();

    /// <param name="map">A map with <see cref="AggregateKind.TSeries"/> values.</param>
    /// <param name="taiToRealtimeNanoseconds">CLOCK_REALTIME minus CLOCK_TAI (usually 0 or -37 s).</param>
    public TimeSeriesBuilder(MapMetadata map, long taiToRealtimeNanoseconds)
    {
        _map = map ?? throw new ArgumentNullException(nameof(map));
        _taiToRealtimeNanoseconds = taiToRealtimeNanoseconds;
    }

    private string Function => _map.TSeriesFunction ?? "none";

    /// <summary>Adds one CPU's (value, meta, epoch) slot of the element whose script key is <paramref name="scriptKey"/>.</summary>
    public void Add(ReadOnlySpan<byte> scriptKey, long value, ulong meta, ulong epoch)
    {
        if (epoch == 0)
        {
            return; // never written on this CPU
        }

        var entry = Entry(scriptKey);
        if (!entry.Epochs.TryGetValue(epoch, out var current))
        {
            entry.Epochs[epoch] = (value, meta);
            return;
        }

        bool signed = _map.Value.IsSigned;
        entry.Epochs[epoch] = Function switch
        {
            "avg" or "sum" => (current.Value + value, current.Meta + meta),
            "min" => (Less(value, current.Value, signed) ? value : current.Value, 1),
            "max" => (Less(current.Value, value, signed) ? value : current.Value, 1),
            _ => meta > current.Meta ? (value, meta) : current,
        };
    }

    /// <summary>
    /// An element of the key whose slots are unwritten on every CPU (never used, or zeroed by <c>zero()</c>): the key
    /// is listed, with the value 0 at epoch 0 unless it already has one.
    /// </summary>
    public void AddUnwritten(ReadOnlySpan<byte> scriptKey) => Entry(scriptKey).Epochs.TryAdd(0, (0, 0));

    private (byte[] Key, Dictionary<ulong, (long Value, ulong Meta)> Epochs) Entry(ReadOnlySpan<byte> scriptKey)
    {
        string id = Convert.ToHexString(scriptKey);
        if (!_keys.TryGetValue(id, out var entry))
        {
            entry = (scriptKey.ToArray(), new Dictionary<ulong, (long, ulong)>());
            _keys[id] = entry;
            _order.Add(id);
        }

        return entry;
    }

    /// <summary>The snapshot, keys decoded with <paramref name="decoder"/>.</summary>
    public MapSnapshot Build(ValueDecoder decoder)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ulong last = 0;
        foreach (var id in _order)
        {
            foreach (var epoch in _keys[id].Epochs.Keys)
            {
                last = Math.Max(last, epoch);
            }
        }

        // The window is the newest num_intervals epochs, computed with bpftrace's unsigned wrap-around: when every key
        // was zeroed (latest epoch 0) the window starts past its end and holds no interval (unless it is one long).
        ulong count = (ulong)Math.Max(1, _map.Buckets);
        ulong first = unchecked(last - count + 1);
        bool signed = _map.Value.IsSigned;
        var entries = ImmutableArray.CreateBuilder<MapEntry>();
        foreach (var id in _order)
        {
            var (key, epochs) = _keys[id];
            ulong firstOfKey = last;
            ulong latest = 0;
            foreach (var epoch in epochs.Keys)
            {
                latest = Math.Max(latest, epoch);
                if (epoch >= first)
                {
                    firstOfKey = Math.Min(firstOfKey, epoch);
                }
            }

            var points = ImmutableArray.CreateBuilder<TimeSeriesPoint>();
            for (ulong epoch = Math.Max(first, firstOfKey); first <= last && epoch <= last; epoch++)
            {
                long start = unchecked((long)(epoch * (ulong)_map.TSeriesIntervalNs)) + _taiToRealtimeNanoseconds;
                long? value = epochs.TryGetValue(epoch, out var v) ? Final(v, signed) : null;
                points.Add(new TimeSeriesPoint(start, value));
            }

            var decodedKey = _map.IsScalar || _map.Key.Kind == RuntimeTypeKind.None ? NoneValue.Instance : decoder.Decode(_map.Key, key);
            entries.Add(new MapEntry(decodedKey, new TimeSeriesValue(points.ToImmutable(), signed, latest)));
        }

        return new MapSnapshot(_map, entries.ToImmutable());
    }

    private long Final((long Value, ulong Meta) slot, bool signed) =>
        Function == "avg" ? AggregateMath.Average(slot.Value, slot.Meta, signed) : slot.Value;

    private static bool Less(long a, long b, bool signed) => signed ? a < b : unchecked((ulong)a < (ulong)b);
}
