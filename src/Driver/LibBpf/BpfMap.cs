using System.Runtime.InteropServices;

namespace BtLang.Driver.LibBpf;

/// <summary>
/// One map of a <see cref="BpfObject"/> (a view that lives as long as its object). Values of per-CPU maps are
/// <see cref="PossibleCpuCount"/> slots of <see cref="ValueSize"/> rounded up to 8 bytes: size buffers with
/// <see cref="LookupValueSize"/>. Unexpected kernel errors throw <see cref="LibBpfException"/>.
/// </summary>
public sealed unsafe class BpfMap
{
    private static readonly Lazy<int> PossibleCpus = new(() =>
    {
        int count = LibBpfNative.libbpf_num_possible_cpus();
        if (count <= 0)
        {
            throw new LibBpfException("libbpf_num_possible_cpus", -count);
        }

        return count;
    });

    private readonly BpfObject _owner;
    private readonly nint _map;
    private int _batchSupport; // 0 unknown, 1 yes, -1 no

    internal BpfMap(BpfObject owner, nint map)
    {
        _owner = owner;
        _map = map;
        Name = Marshal.PtrToStringUTF8(LibBpfNative.bpf_map__name(map)) ?? string.Empty;
        Type = (BpfMapType)LibBpfNative.bpf_map__type(map);
        KeySize = (int)LibBpfNative.bpf_map__key_size(map);
        ValueSize = (int)LibBpfNative.bpf_map__value_size(map);
    }

    /// <summary>The number of possible CPUs (<c>libbpf_num_possible_cpus</c>): the slot count of per-CPU values.</summary>
    public static int PossibleCpuCount => PossibleCpus.Value;

    public string Name { get; }

    public BpfMapType Type { get; }

    public int KeySize { get; }

    /// <summary>The size of one value (one CPU's value for per-CPU maps).</summary>
    public int ValueSize { get; }

    public int MaxEntries => (int)LibBpfNative.bpf_map__max_entries(Pointer);

    public BpfObject Object => _owner;

    public bool IsPerCpu => Type is BpfMapType.PerCpuHash or BpfMapType.PerCpuArray or BpfMapType.LruPerCpuHash or BpfMapType.PerCpuCgroupStorage;

    public bool IsArray => Type is BpfMapType.Array or BpfMapType.PerCpuArray;

    /// <summary>Bytes one lookup writes: <see cref="ValueSize"/>, or for per-CPU maps round_up(ValueSize, 8) * CPUs.</summary>
    public int LookupValueSize => IsPerCpu ? PerCpuStride * PossibleCpuCount : ValueSize;

    /// <summary>The map fd (valid after load).</summary>
    public int Fd
    {
        get
        {
            _owner.ThrowIfDisposed();
            return LibBpfNative.bpf_map__fd(_map);
        }
    }

    private int PerCpuStride => (ValueSize + 7) & ~7;

    private nint Pointer
    {
        get
        {
            _owner.ThrowIfDisposed();
            return _map;
        }
    }

    /// <summary>
    /// Sets the initial contents of a global-data map (<c>.rodata</c>, <c>.bss</c>, <c>.data*</c>) before load
    /// (<c>bpf_map__set_initial_value</c>); the size must equal the section's size.
    /// </summary>
    public void SetInitialValue(ReadOnlySpan<byte> data)
    {
        if (_owner.IsLoaded)
        {
            throw new InvalidOperationException($"map '{Name}': initial values can only be set before load");
        }

        fixed (byte* pointer = data)
        {
            int result = LibBpfNative.bpf_map__set_initial_value(Pointer, pointer, (nuint)data.Length);
            if (result < 0)
            {
                throw new LibBpfException($"bpf_map__set_initial_value({Name}, {data.Length} bytes)", -result);
            }
        }
    }

    /// <summary>
    /// A copy of a global-data map's initial contents as libbpf holds them (null for other maps). After load
    /// this is NOT the kernel's live value (libbpf re-maps it only for skeletons): read that with <see cref="Lookup"/>
    /// and key 0.
    /// </summary>
    public byte[]? GetInitialValue()
    {
        nuint size = 0;
        void* data = LibBpfNative.bpf_map__initial_value(Pointer, &size);
        return data is null ? null : new ReadOnlySpan<byte>(data, checked((int)size)).ToArray();
    }

    /// <summary>Changes max_entries before load (<c>bpf_map__set_max_entries</c>), e.g. for bpftrace's max_map_keys.</summary>
    public void SetMaxEntries(int maxEntries)
    {
        if (_owner.IsLoaded)
        {
            throw new InvalidOperationException($"map '{Name}': max_entries can only be set before load");
        }

        int result = LibBpfNative.bpf_map__set_max_entries(Pointer, checked((uint)maxEntries));
        if (result < 0)
        {
            throw new LibBpfException($"bpf_map__set_max_entries({Name}, {maxEntries})", -result);
        }
    }

    /// <summary>The value of one CPU inside a per-CPU lookup result.</summary>
    public ReadOnlySpan<byte> GetCpuValue(ReadOnlySpan<byte> perCpuValues, int cpu) =>
        perCpuValues.Slice(cpu * PerCpuStride, ValueSize);

    /// <summary>Looks a key up; false when the key is absent.</summary>
    public bool TryLookup(ReadOnlySpan<byte> key, Span<byte> value)
    {
        CheckKey(key);
        CheckValue(value, LookupValueSize);
        fixed (byte* k = key)
        fixed (byte* v = value)
        {
            int result = LibBpfNative.bpf_map_lookup_elem(Fd, k, v);
            return Check(result, "bpf_map_lookup_elem", LibBpfErrors.ENOENT);
        }
    }

    /// <summary>Looks a key up and returns a new value array, or null when the key is absent.</summary>
    public byte[]? Lookup(ReadOnlySpan<byte> key)
    {
        var value = new byte[LookupValueSize];
        return TryLookup(key, value) ? value : null;
    }

    /// <summary>Creates or updates an element (per-CPU maps take one value per possible CPU).</summary>
    public void Update(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value, BpfMapUpdateFlags flags = BpfMapUpdateFlags.Any)
    {
        CheckKey(key);
        if (value.Length != LookupValueSize)
        {
            throw new ArgumentException($"map '{Name}' needs values of {LookupValueSize} bytes, got {value.Length}", nameof(value));
        }

        fixed (byte* k = key)
        fixed (byte* v = value)
        {
            Check(LibBpfNative.bpf_map_update_elem(Fd, k, v, (ulong)flags), "bpf_map_update_elem");
        }
    }

    /// <summary>Deletes a key; false when it was absent. Array maps cannot delete: use <see cref="Clear"/>.</summary>
    public bool Delete(ReadOnlySpan<byte> key)
    {
        CheckKey(key);
        fixed (byte* k = key)
        {
            return Check(LibBpfNative.bpf_map_delete_elem(Fd, k), "bpf_map_delete_elem", LibBpfErrors.ENOENT);
        }
    }

    /// <summary>
    /// The key after <paramref name="key"/> (an empty span asks for the first key); false at the end.
    /// </summary>
    public bool TryGetNextKey(ReadOnlySpan<byte> key, Span<byte> nextKey)
    {
        if (!key.IsEmpty)
        {
            CheckKey(key);
        }

        CheckValue(nextKey, KeySize);
        fixed (byte* k = key)
        fixed (byte* n = nextKey)
        {
            return Check(LibBpfNative.bpf_map_get_next_key(Fd, key.IsEmpty ? null : k, n), "bpf_map_get_next_key", LibBpfErrors.ENOENT);
        }
    }

    /// <summary>Atomically reads and removes an element (hash maps; queue/stack maps with an empty key).</summary>
    public bool TryLookupAndDelete(ReadOnlySpan<byte> key, Span<byte> value)
    {
        CheckValue(value, LookupValueSize);
        fixed (byte* k = key)
        fixed (byte* v = value)
        {
            return Check(LibBpfNative.bpf_map_lookup_and_delete_elem(Fd, key.IsEmpty ? null : k, v), "bpf_map_lookup_and_delete_elem", LibBpfErrors.ENOENT);
        }
    }

    /// <summary>All keys (get_next_key iteration).</summary>
    public List<byte[]> GetKeys()
    {
        var keys = new List<byte[]>();
        var current = Array.Empty<byte>();
        var next = new byte[KeySize];
        while (TryGetNextKey(current, next))
        {
            keys.Add(next);
            current = next;
            next = new byte[KeySize];
            if (keys.Count > Math.Max(MaxEntries, 1) * 2)
            {
                break; // A map being rewritten while we walk it can restart the walk; never loop forever.
            }
        }

        return keys;
    }

    /// <summary>
    /// All entries. Uses <c>bpf_map_lookup_batch</c> where the kernel supports it for this map (one syscall per
    /// batch), else get_next_key + lookup per key.
    /// </summary>
    public List<BpfMapEntry> ReadAll()
    {
        if (_batchSupport >= 0 && KeySize > 0 && TryReadAllBatched(out var entries))
        {
            _batchSupport = 1;
            return entries;
        }

        _batchSupport = -1;
        var result = new List<BpfMapEntry>();
        foreach (var key in GetKeys())
        {
            var value = Lookup(key);
            if (value is not null)
            {
                result.Add(new BpfMapEntry(key, value));
            }
        }

        return result;
    }

    /// <summary>Removes every element (array maps: sets every value to zero, as they cannot delete).</summary>
    public void Clear()
    {
        if (IsArray)
        {
            var zero = new byte[LookupValueSize];
            var key = new byte[KeySize];
            for (int i = 0; i < MaxEntries; i++)
            {
                BitConverter.TryWriteBytes(key, i);
                Update(key, zero);
            }

            return;
        }

        foreach (var key in GetKeys())
        {
            Delete(key);
        }
    }

    private bool TryReadAllBatched(out List<BpfMapEntry> entries)
    {
        entries = new List<BpfMapEntry>();
        int valueSize = LookupValueSize;
        uint batchCount = (uint)Math.Clamp(MaxEntries, 1, 4096);
        var token = new byte[Math.Max(KeySize, 8)];
        bool first = true;
        while (true)
        {
            var keys = new byte[batchCount * KeySize];
            var values = new byte[batchCount * valueSize];
            uint count = batchCount;
            int result;
            fixed (byte* t = token)
            fixed (byte* k = keys)
            fixed (byte* v = values)
            {
                var options = new BpfMapBatchOptions { Size = (nuint)sizeof(BpfMapBatchOptions) };
                result = LibBpfNative.bpf_map_lookup_batch(Fd, first ? null : t, t, k, v, &count, &options);
            }

            if (result < 0 && -result == LibBpfErrors.ENOSPC && count == 0)
            {
                // A hash bucket holds more elements than the batch: retry with a larger batch.
                batchCount *= 2;
                continue;
            }

            if (result < 0 && -result != LibBpfErrors.ENOENT)
            {
                if (first && (-result is LibBpfErrors.EINVAL or LibBpfErrors.EOPNOTSUPP or LibBpfErrors.ENOSYS))
                {
                    return false; // Not supported for this map type or kernel.
                }

                throw new LibBpfException($"bpf_map_lookup_batch({Name})", -result);
            }

            for (int i = 0; i < count; i++)
            {
                entries.Add(new BpfMapEntry(keys.AsSpan(i * KeySize, KeySize).ToArray(), values.AsSpan(i * valueSize, valueSize).ToArray()));
            }

            first = false;
            if (result < 0)
            {
                return true; // ENOENT: that was the last batch.
            }
        }
    }

    private void CheckKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"map '{Name}' has keys of {KeySize} bytes, got {key.Length}", nameof(key));
        }
    }

    private void CheckValue(Span<byte> buffer, int size)
    {
        if (buffer.Length < size)
        {
            throw new ArgumentException($"map '{Name}' needs a buffer of {size} bytes, got {buffer.Length}");
        }
    }

    private bool Check(int result, string operation, int absentErrno = 0)
    {
        if (result >= 0)
        {
            return true;
        }

        if (absentErrno != 0 && -result == absentErrno)
        {
            return false;
        }

        throw new LibBpfException($"{operation}({Name})", -result);
    }

    public override string ToString() => $"{Name} ({Type}, key {KeySize}, value {ValueSize}, max {MaxEntries})";
}
