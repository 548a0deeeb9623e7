using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;

namespace BtLang.Semantics.ProbeCatalog.Btf;

/// <summary>
/// A parsed BTF blob (the kernel's <c>/sys/kernel/btf/vmlinux</c>, a module's split BTF on top of it, or the
/// <c>.BTF</c> section of an object). Construction only records where each type starts; types are decoded on first
/// use and the name index is built on the first lookup by name. Immutable and safe to share between threads.
/// </summary>
public sealed class BtfTypeTable
{
    private const ushort Magic = 0xEB9F;
    private readonly byte[] _data;
    private readonly int _stringStart;
    private readonly int _stringLength;
    private readonly int[] _offsets;
    private readonly BtfType?[] _decoded;
    private readonly BtfTypeTable? _base;
    private readonly int _firstId;
    private readonly int _baseStringLength;
    private readonly Lazy<NameIndex> _names;

    private BtfTypeTable(byte[] data, int stringStart, int stringLength, int[] offsets, BtfTypeTable? baseTable)
    {
        _data = data;
        _stringStart = stringStart;
        _stringLength = stringLength;
        _offsets = offsets;
        _decoded = new BtfType?[offsets.Length];
        _base = baseTable;
        _firstId = baseTable?.TypeCount ?? 1;
        _baseStringLength = baseTable?.TotalStringLength ?? 0;
        _names = new Lazy<NameIndex>(BuildNameIndex);
    }

    /// <summary>The number of type ids, including void (id 0) and the base's types for split BTF.</summary>
    public int TypeCount => _firstId + _offsets.Length;

    /// <summary>The first type id defined by this blob (1, or the base's count for split BTF).</summary>
    public int FirstTypeId => _firstId;

    /// <summary>The base table of split BTF, or null.</summary>
    public BtfTypeTable? BaseTable => _base;

    private int TotalStringLength => _baseStringLength + _stringLength;

    /// <summary>Loads a BTF file. Returns false with a message if it cannot be read or is not valid BTF.</summary>
    public static bool TryLoad(string path, BtfTypeTable? baseTable, out BtfTypeTable table, out string error)
    {
        table = null!;
        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read BTF from {path}: {e.Message}";
            return false;
        }
        return TryParse(data, baseTable, out table, out error);
    }

    /// <summary>Parses a BTF blob. Returns false with a message if it is not valid BTF.</summary>
    public static bool TryParse(byte[] data, BtfTypeTable? baseTable, out BtfTypeTable table, out string error)
    {
        table = null!;
        error = "";
        if (data.Length < 24 || BinaryPrimitives.ReadUInt16LittleEndian(data) != Magic)
        {
            error = "not a BTF blob (bad magic or byte order)";
            return false;
        }
        var span = data.AsSpan();
        uint headerLength = ReadU32(span, 4);
        uint typeOff = ReadU32(span, 8);
        uint typeLen = ReadU32(span, 12);
        uint strOff = ReadU32(span, 16);
        uint strLen = ReadU32(span, 20);
        long typeStart = headerLength + (long)typeOff;
        long typeEnd = typeStart + typeLen;
        long strStart = headerLength + (long)strOff;
        if (headerLength < 24 || typeEnd > data.Length || strStart + strLen > data.Length)
        {
            error = "truncated BTF blob";
            return false;
        }

        var offsets = new List<int>(Math.Max(16, (int)(typeLen / 20)));
        int pos = (int)typeStart;
        while (pos < typeEnd)
        {
            if (pos + 12 > typeEnd)
            {
                error = $"truncated BTF type at byte {pos}";
                return false;
            }
            offsets.Add(pos);
            uint info = ReadU32(span, pos + 4);
            int vlen = (int)(info & 0xFFFF);
            int kind = (int)((info >> 24) & 0x1F);
            int extra = kind switch
            {
                (int)BtfKind.Int => 4,
                (int)BtfKind.Array => 12,
                (int)BtfKind.Struct or (int)BtfKind.Union => 12 * vlen,
                (int)BtfKind.Enum => 8 * vlen,
                (int)BtfKind.FunctionProto => 8 * vlen,
                (int)BtfKind.Variable => 4,
                (int)BtfKind.DataSection => 12 * vlen,
                (int)BtfKind.DeclTag => 4,
                (int)BtfKind.Enum64 => 12 * vlen,
                (int)BtfKind.Pointer or (int)BtfKind.Forward or (int)BtfKind.Typedef or (int)BtfKind.Volatile
                    or (int)BtfKind.Const or (int)BtfKind.Restrict or (int)BtfKind.Function or (int)BtfKind.Float
                    or (int)BtfKind.TypeTag => 0,
                _ => -1,
            };
            if (extra < 0)
            {
                error = $"unknown BTF kind {kind} at byte {pos}";
                return false;
            }
            if (pos + 12L + extra > typeEnd)
            {
                error = $"truncated BTF type at byte {pos}";
                return false;
            }
            pos += 12 + extra;
        }
        table = new BtfTypeTable(data, (int)strStart, (int)strLen, offsets.ToArray(), baseTable);
        return true;
    }

    /// <summary>The type with the given id (0 is void). Throws for ids out of range.</summary>
    public BtfType GetType(int id)
    {
        if (id == 0)
            return BtfType.Void;
        if (id < _firstId)
            return _base!.GetType(id);
        int index = id - _firstId;
        if ((uint)index >= (uint)_offsets.Length)
            throw new ArgumentOutOfRangeException(nameof(id), id, "BTF type id out of range");
        return _decoded[index] ??= Decode(id, _offsets[index]);
    }

    /// <summary>The type with the given id, or void for an id out of range (malformed BTF never throws here).</summary>
    internal BtfType GetTypeOrVoid(int id) => ContainsId(id) ? GetType(id) : BtfType.Void;

    /// <summary>True if <paramref name="id"/> names a type of this table (or its base).</summary>
    public bool ContainsId(int id) => id >= 0 && id < TypeCount;

    /// <summary>All type ids with this name (any kind), lowest id first; includes the base table's.</summary>
    public IEnumerable<int> FindIdsByName(string name)
    {
        if (_base is not null)
        {
            foreach (int id in _base.FindIdsByName(name))
                yield return id;
        }
        var index = _names.Value;
        byte[] wanted = Encoding.UTF8.GetBytes(name);
        uint hash = Hash(wanted);
        var ids = new List<int>();
        for (int i = index.Buckets[hash & (uint)(index.Buckets.Length - 1)] - 1; i >= 0; i = index.Next[i] - 1)
        {
            if (index.Hashes[i] == hash && NameBytes(ReadU32(_data, _offsets[i])).SequenceEqual(wanted))
                ids.Add(_firstId + i);
        }
        for (int i = ids.Count - 1; i >= 0; i--)
            yield return ids[i];
    }

    /// <summary>The first type of one of the given kinds with this name, or null.</summary>
    public BtfType? FindByName(string name, params BtfKind[] kinds)
    {
        foreach (int id in FindIdsByName(name))
        {
            var type = GetType(id);
            if (kinds.Length == 0 || Array.IndexOf(kinds, type.Kind) >= 0)
                return type;
        }
        return null;
    }

    /// <summary>Finds a struct or union definition by name (without the <c>struct </c> keyword), preferring a complete
    /// definition over a forward declaration. Also accepts <c>struct x</c> / <c>union x</c>.</summary>
    public BtfType? FindStruct(string name)
    {
        BtfKind? wanted = null;
        if (name.StartsWith("struct ", StringComparison.Ordinal))
        {
            wanted = BtfKind.Struct;
            name = name[7..].Trim();
        }
        else if (name.StartsWith("union ", StringComparison.Ordinal))
        {
            wanted = BtfKind.Union;
            name = name[6..].Trim();
        }
        BtfType? best = null;
        foreach (int id in FindIdsByName(name))
        {
            var type = GetType(id);
            if (!type.IsComposite || (wanted is not null && type.Kind != wanted))
                continue;
            if (best is null || (best.Members.IsEmpty && !type.Members.IsEmpty))
                best = type;
        }
        return best;
    }

    /// <summary>Finds a typedef by name.</summary>
    public BtfType? FindTypedef(string name) => FindByName(name, BtfKind.Typedef);

    /// <summary>Finds a kernel function (FUNC) and its prototype, for fentry/fexit <c>args</c> and <c>-lv</c>.</summary>
    public BtfFunctionSignature? FindFunction(string name)
    {
        var func = FindByName(name, BtfKind.Function);
        if (func is null)
            return null;
        var proto = GetTypeOrVoid(func.TypeId);
        if (proto.Kind != BtfKind.FunctionProto)
            return null;
        var parameters = proto.Parameters;
        bool variadic = parameters.Length > 0 && parameters[^1].TypeId == 0 && parameters[^1].Name.Length == 0;
        if (variadic)
            parameters = parameters.RemoveAt(parameters.Length - 1);
        return new BtfFunctionSignature(name, func.Id, proto.TypeId, parameters, variadic);
    }

    /// <summary>
    /// The arguments of a raw tracepoint: the parameters of the function prototype behind the
    /// <c>btf_trace_&lt;event&gt;</c> typedef, without the leading <c>void *</c> context parameter. The typedef's
    /// parameters are unnamed, so names come from the kernel's <c>__bpf_trace_&lt;event&gt;</c> function when it
    /// has the same parameter count. Returns null if the kernel has no such raw tracepoint.
    /// </summary>
    public ImmutableArray<BtfParameter>? GetRawTracepointArguments(string eventName)
    {
        var typedef = FindTypedef("btf_trace_" + eventName);
        if (typedef is null)
            return null;
        var pointer = GetTypeOrVoid(typedef.TypeId);
        var proto = pointer.Kind == BtfKind.Pointer ? GetTypeOrVoid(pointer.TypeId) : pointer;
        if (proto.Kind != BtfKind.FunctionProto)
            return null;
        var parameters = proto.Parameters;
        if (FindFunction("__bpf_trace_" + eventName) is { } named && named.Parameters.Length == parameters.Length)
            parameters = named.Parameters;
        return parameters.Length > 0 ? parameters.RemoveAt(0) : parameters;
    }

    /// <summary>Names of all types of the given kind, in id order (e.g. every FUNC for kprobe/fentry listing).</summary>
    public IEnumerable<(string Name, int Id)> EnumerateNames(BtfKind kind)
    {
        if (_base is not null)
        {
            foreach (var item in _base.EnumerateNames(kind))
                yield return item;
        }
        for (int index = 0; index < _offsets.Length; index++)
        {
            int pos = _offsets[index];
            uint info = ReadU32(_data, pos + 4);
            if ((int)((info >> 24) & 0x1F) != (int)kind)
                continue;
            uint nameOff = ReadU32(_data, pos);
            if (nameOff != 0)
                yield return (GetString(nameOff), _firstId + index);
        }
    }

    /// <summary>Skips typedefs and qualifiers (const, volatile, restrict, type tags) to the underlying type.</summary>
    public BtfType Resolve(int id)
    {
        var type = GetTypeOrVoid(id);
        for (int guard = 0; type.IsModifierOrTypedef && guard < 64; guard++)
            type = GetTypeOrVoid(type.TypeId);
        return type;
    }

    /// <summary>Skips only qualifiers (const, volatile, restrict, type tags), keeping typedefs.</summary>
    public BtfType StripQualifiers(int id)
    {
        var type = GetTypeOrVoid(id);
        for (int guard = 0; type.Kind is BtfKind.Const or BtfKind.Volatile or BtfKind.Restrict or BtfKind.TypeTag && guard < 64; guard++)
            type = GetTypeOrVoid(type.TypeId);
        return type;
    }

    /// <summary>The size in bytes of a type (0 for void, functions and forward declarations).</summary>
    public ulong GetSize(int id) => GetSize(id, 0);

    private ulong GetSize(int id, int depth)
    {
        if (depth > 32)
            return 0;
        var type = Resolve(id);
        return type.Kind switch
        {
            BtfKind.Int or BtfKind.Struct or BtfKind.Union or BtfKind.Enum or BtfKind.Enum64 or BtfKind.Float or BtfKind.DataSection => type.Size,
            BtfKind.Pointer => 8,
            BtfKind.Array => unchecked(type.ArrayLength * GetSize(type.TypeId, depth + 1)),
            BtfKind.Variable => GetSize(type.TypeId, depth + 1),
            _ => 0,
        };
    }

    /// <summary>Finds a member by name in a struct/union, looking into anonymous struct/union members.
    /// The returned bit offset is relative to the outer struct.</summary>
    public BtfMember? FindMember(BtfType composite, string name) => FindMember(composite, name, 0);

    private BtfMember? FindMember(BtfType composite, string name, int depth)
    {
        if (depth > 16)
            return null;
        foreach (var member in composite.Members)
        {
            if (member.Name == name)
                return member;
            if (member.Name.Length == 0)
            {
                var inner = Resolve(member.TypeId);
                if (inner.IsComposite && FindMember(inner, name, depth + 1) is { } found)
                    return found with { BitOffset = found.BitOffset + member.BitOffset };
            }
        }
        return null;
    }

    /// <summary>
    /// The type as C text: <c>struct task_struct *</c>, <c>unsigned int</c>, <c>char[16]</c>, <c>const char *</c>,
    /// <c>void (*)(int)</c>.
    /// </summary>
    public string FormatType(int id) => BtfTypeFormatter.Format(this, id, 0);

    /// <summary>A declaration of <paramref name="name"/> with the type, as in C: <c>char comm[16]</c>,
    /// <c>struct task_struct *prev</c>.</summary>
    public string FormatDeclaration(int typeId, string name) => BtfTypeFormatter.FormatDeclaration(this, typeId, name);

    /// <summary>The definition of a struct, union or enum as C text lines, like bpftrace's <c>-lv 'struct x'</c>:
    /// <c>struct list_head {</c>, <c>	struct list_head *next;</c>, ..., <c>};</c>.</summary>
    public IEnumerable<string> FormatDefinition(BtfType type) => BtfTypeFormatter.FormatDefinition(this, type);

    internal string GetString(uint offset)
    {
        if (offset < _baseStringLength)
            return _base!.GetString(offset);
        long start = _stringStart + (offset - _baseStringLength);
        if (start >= _stringStart + _stringLength)
            return "";
        var span = _data.AsSpan((int)start, _stringStart + _stringLength - (int)start);
        int nul = span.IndexOf((byte)0);
        if (nul >= 0)
            span = span[..nul];
        return Encoding.UTF8.GetString(span);
    }

    private static uint ReadU32(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(data[offset..]);

    private BtfType Decode(int id, int pos)
    {
        var data = _data.AsSpan();
        uint nameOff = ReadU32(data, pos);
        uint info = ReadU32(data, pos + 4);
        uint sizeOrType = ReadU32(data, pos + 8);
        int vlen = (int)(info & 0xFFFF);
        var kind = (BtfKind)((info >> 24) & 0x1F);
        bool kindFlag = (info >> 31) != 0;
        string name = nameOff == 0 ? "" : GetString(nameOff);
        int extra = pos + 12;
        switch (kind)
        {
            case BtfKind.Int:
            {
                uint bits = ReadU32(data, extra);
                return new BtfType(id, kind, name)
                {
                    KindFlag = kindFlag,
                    Size = sizeOrType,
                    IntEncoding = (BtfIntEncoding)((bits >> 24) & 0xF),
                    IntBitOffset = (int)((bits >> 16) & 0xFF),
                    IntBits = (int)(bits & 0xFF),
                };
            }
            case BtfKind.Array:
                return new BtfType(id, kind, name)
                {
                    KindFlag = kindFlag,
                    TypeId = (int)ReadU32(data, extra),
                    ArrayIndexTypeId = (int)ReadU32(data, extra + 4),
                    ArrayLength = ReadU32(data, extra + 8),
                };
            case BtfKind.Struct:
            case BtfKind.Union:
            {
                var members = ImmutableArray.CreateBuilder<BtfMember>(vlen);
                for (int i = 0; i < vlen; i++)
                {
                    int m = extra + i * 12;
                    uint offset = ReadU32(data, m + 8);
                    uint bitOffset = kindFlag ? offset & 0xFFFFFF : offset;
                    uint bitfieldSize = kindFlag ? offset >> 24 : 0;
                    members.Add(new BtfMember(GetString(ReadU32(data, m)), (int)ReadU32(data, m + 4), bitOffset, bitfieldSize));
                }
                return new BtfType(id, kind, name) { KindFlag = kindFlag, Size = sizeOrType, Members = members.MoveToImmutable() };
            }
            case BtfKind.Enum:
            {
                var values = ImmutableArray.CreateBuilder<BtfEnumValue>(vlen);
                for (int i = 0; i < vlen; i++)
                {
                    int e = extra + i * 8;
                    uint raw = ReadU32(data, e + 4);
                    long value = kindFlag ? (int)raw : raw;
                    values.Add(new BtfEnumValue(GetString(ReadU32(data, e)), value));
                }
                return new BtfType(id, kind, name) { KindFlag = kindFlag, Size = sizeOrType, EnumValues = values.MoveToImmutable() };
            }
            case BtfKind.Enum64:
            {
                var values = ImmutableArray.CreateBuilder<BtfEnumValue>(vlen);
                for (int i = 0; i < vlen; i++)
                {
                    int e = extra + i * 12;
                    ulong value = ReadU32(data, e + 4) | ((ulong)ReadU32(data, e + 8) << 32);
                    values.Add(new BtfEnumValue(GetString(ReadU32(data, e)), unchecked((long)value)));
                }
                return new BtfType(id, kind, name) { KindFlag = kindFlag, Size = sizeOrType, EnumValues = values.MoveToImmutable() };
            }
            case BtfKind.FunctionProto:
            {
                var parameters = ImmutableArray.CreateBuilder<BtfParameter>(vlen);
                for (int i = 0; i < vlen; i++)
                {
                    int p = extra + i * 8;
                    uint paramName = ReadU32(data, p);
                    parameters.Add(new BtfParameter(paramName == 0 ? "" : GetString(paramName), (int)ReadU32(data, p + 4)));
                }
                return new BtfType(id, kind, name) { KindFlag = kindFlag, TypeId = (int)sizeOrType, Parameters = parameters.MoveToImmutable() };
            }
            case BtfKind.Function:
                return new BtfType(id, kind, name) { KindFlag = kindFlag, TypeId = (int)sizeOrType, Linkage = vlen };
            case BtfKind.Variable:
                return new BtfType(id, kind, name) { KindFlag = kindFlag, TypeId = (int)sizeOrType, Linkage = (int)ReadU32(data, extra) };
            case BtfKind.DataSection:
            {
                var variables = ImmutableArray.CreateBuilder<BtfDataSectionVariable>(vlen);
                for (int i = 0; i < vlen; i++)
                {
                    int v = extra + i * 12;
                    variables.Add(new BtfDataSectionVariable((int)ReadU32(data, v), ReadU32(data, v + 4), ReadU32(data, v + 8)));
                }
                return new BtfType(id, kind, name) { KindFlag = kindFlag, Size = sizeOrType, Variables = variables.MoveToImmutable() };
            }
            case BtfKind.DeclTag:
                return new BtfType(id, kind, name) { KindFlag = kindFlag, TypeId = (int)sizeOrType, ComponentIndex = (int)ReadU32(data, extra) };
            case BtfKind.Float:
                return new BtfType(id, kind, name) { KindFlag = kindFlag, Size = sizeOrType };
            default:
                // PTR, FWD, TYPEDEF, VOLATILE, CONST, RESTRICT, TYPE_TAG: sizeOrType is the target (unused for FWD).
                return new BtfType(id, kind, name) { KindFlag = kindFlag, TypeId = (int)sizeOrType };
        }
    }

    private ReadOnlySpan<byte> NameBytes(uint offset)
    {
        if (offset < _baseStringLength)
            return _base!.NameBytes(offset);
        long start = _stringStart + (offset - _baseStringLength);
        if (start >= _stringStart + _stringLength)
            return default;
        var span = _data.AsSpan((int)start, _stringStart + _stringLength - (int)start);
        int nul = span.IndexOf((byte)0);
        return nul >= 0 ? span[..nul] : span;
    }

    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        // FNV-1a: cheap and good enough for identifier-like names.
        uint hash = 2166136261;
        foreach (byte b in bytes)
            hash = (hash ^ b) * 16777619;
        return hash;
    }

    // An open hash table over the names of this blob's types, keyed by the hash of the name bytes, so that building
    // it decodes no strings. Buckets and Next hold type index + 1 (0 ends a chain); later types come first.
    private NameIndex BuildNameIndex()
    {
        int size = 1;
        while (size < _offsets.Length * 2)
            size <<= 1;
        var buckets = new int[size];
        var next = new int[_offsets.Length];
        var hashes = new uint[_offsets.Length];
        for (int index = 0; index < _offsets.Length; index++)
        {
            uint nameOff = ReadU32(_data, _offsets[index]);
            if (nameOff == 0)
                continue;
            uint hash = Hash(NameBytes(nameOff));
            hashes[index] = hash;
            ref int bucket = ref buckets[hash & (uint)(size - 1)];
            next[index] = bucket;
            bucket = index + 1;
        }
        return new NameIndex(buckets, next, hashes);
    }

    private sealed record NameIndex(int[] Buckets, int[] Next, uint[] Hashes);
}
