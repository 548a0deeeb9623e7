using System.Collections.Immutable;
using System.Text;

namespace BtLang.Semantics.ProbeCatalog.Dwarf;

/// <summary>
/// A small .debug_info decoder: walks every compilation unit's entries with their abbreviations, keeps names,
/// type references, sizes and encodings, and builds the functions' parameter lists.
/// </summary>
internal sealed class DwarfReader
{
    private const int TagArray = 0x01, TagClass = 0x02, TagEnum = 0x04, TagParameter = 0x05, TagPointer = 0x0f, TagReference = 0x10,
        TagStruct = 0x13, TagSubroutineType = 0x15, TagTypedef = 0x16, TagUnion = 0x17, TagBase = 0x24, TagConst = 0x26,
        TagVolatile = 0x35, TagRestrict = 0x37, TagRvalueReference = 0x42, TagAtomic = 0x47, TagSubprogram = 0x2e;

    private const int AtName = 0x03, AtByteSize = 0x0b, AtAbstractOrigin = 0x31, AtDeclaration = 0x3c, AtEncoding = 0x3e,
        AtSpecification = 0x47, AtType = 0x49, AtLinkageName = 0x6e, AtMipsLinkageName = 0x2007, AtStrOffsetsBase = 0x72;

    private readonly byte[] _info;
    private readonly byte[] _abbrev;
    private readonly byte[]? _str;
    private readonly byte[]? _lineStr;
    private readonly byte[]? _strOffsets;
    private readonly Dictionary<long, Entry> _entries = new();

    public DwarfReader(byte[] info, byte[] abbrev, byte[]? str, byte[]? lineStr, byte[]? strOffsets)
    {
        _info = info;
        _abbrev = abbrev;
        _str = str;
        _lineStr = lineStr;
        _strOffsets = strOffsets;
    }

    private sealed class Entry
    {
        public int Tag;
        public string? Name;
        public string? LinkageName;
        public long Type = -1;
        public long Origin = -1;
        public long Size = -1;
        public int Encoding;
        public bool Declaration;
        public List<long> Parameters = new();
    }

    private sealed record Abbreviation(int Tag, bool HasChildren, (int Attribute, int Form, long Implicit)[] Attributes);

    public Dictionary<string, DwarfFunction> ReadFunctions()
    {
        var subprograms = new List<long>();
        int position = 0;
        while (position + 11 <= _info.Length)
        {
            int unitStart = position;
            long length = U32(ref position);
            bool is64 = length == 0xffffffff;
            if (is64)
            {
                length = (long)U64(ref position);
            }

            int unitEnd = checked((int)(position + length));
            int version = U16(ref position);
            long abbrevOffset;
            int addressSize;
            int unitType = 1;
            if (version >= 5)
            {
                unitType = _info[position++];
                addressSize = _info[position++];
                abbrevOffset = is64 ? (long)U64(ref position) : U32(ref position);
                if (unitType is 2 or 6)
                {
                    position += 8 + (is64 ? 8 : 4);
                }
                else if (unitType is 4 or 5)
                {
                    position += 8;
                }
            }
            else
            {
                abbrevOffset = is64 ? (long)U64(ref position) : U32(ref position);
                addressSize = _info[position++];
            }

            if (version is < 2 or > 5)
            {
                position = unitEnd;
                continue;
            }

            ReadUnit(unitStart, position, unitEnd, ReadAbbreviations(abbrevOffset), is64, addressSize, version, subprograms);
            position = unitEnd;
        }

        var functions = new Dictionary<string, DwarfFunction>(StringComparer.Ordinal);
        foreach (var offset in subprograms)
        {
            var entry = _entries[offset];
            if (entry.Declaration || entry.Parameters.Count == 0 && functions.ContainsKey(NameOf(entry) ?? ""))
            {
                continue;
            }

            string? name = NameOf(entry);
            if (name is null)
            {
                continue;
            }

            var parameters = entry.Parameters.Select((p, i) => Parameter(_entries[p], i)).ToImmutableArray();
            var function = new DwarfFunction(name, parameters);
            if (!functions.TryGetValue(name, out var existing) || existing.Parameters.Length == 0)
            {
                functions[name] = function;
            }

            if (LinkageNameOf(entry) is { } linkage && !functions.ContainsKey(linkage))
            {
                functions[linkage] = function;
            }
        }

        return functions;
    }

    private string? NameOf(Entry entry)
    {
        for (int depth = 0; entry.Name is null && depth < 8; depth++)
        {
            if (entry.Origin < 0 || !_entries.TryGetValue(entry.Origin, out var origin))
            {
                return null;
            }

            entry = origin;
        }

        return entry.Name;
    }

    private string? LinkageNameOf(Entry entry)
    {
        for (int depth = 0; entry.LinkageName is null && depth < 8; depth++)
        {
            if (entry.Origin < 0 || !_entries.TryGetValue(entry.Origin, out var origin))
            {
                return null;
            }

            entry = origin;
        }

        return entry.LinkageName;
    }

    private DwarfParameter Parameter(Entry entry, int index)
    {
        var source = entry;
        for (int depth = 0; (source.Name is null || source.Type < 0) && source.Origin >= 0 && depth < 8 && _entries.TryGetValue(source.Origin, out var origin); depth++)
        {
            entry = new Entry { Name = entry.Name ?? origin.Name, Type = entry.Type >= 0 ? entry.Type : origin.Type, Origin = origin.Origin };
            source = entry;
        }

        string name = entry.Name ?? $"arg{index}";
        string typeName = TypeName(entry.Type, 0);
        var (kind, size, signed, pointsToChar) = Classify(entry.Type);
        return new DwarfParameter(name, typeName, kind, size, signed, pointsToChar);
    }

    private Entry? Resolve(long offset) => offset >= 0 && _entries.TryGetValue(offset, out var entry) ? entry : null;

    /// <summary>The type without typedefs and qualifiers.</summary>
    private Entry? Strip(long offset)
    {
        var entry = Resolve(offset);
        for (int depth = 0; entry is { Tag: TagTypedef or TagConst or TagVolatile or TagRestrict or TagAtomic } && depth < 32; depth++)
        {
            entry = Resolve(entry.Type);
        }

        return entry;
    }

    private (DwarfValueKind Kind, int Size, bool Signed, bool PointsToChar) Classify(long offset)
    {
        var type = Strip(offset);
        switch (type?.Tag)
        {
            case TagBase when type.Encoding is 0x02 or 0x05 or 0x06 or 0x07 or 0x08 or 0x10 && type.Size is 1 or 2 or 4 or 8:
                return (DwarfValueKind.Integer, (int)type.Size, type.Encoding is 0x05 or 0x06, false);
            case TagEnum when type.Size is 1 or 2 or 4 or 8:
                return (DwarfValueKind.Integer, (int)type.Size, false, false);
            case TagPointer or TagReference or TagRvalueReference:
                var target = Strip(type.Type);
                return (DwarfValueKind.Pointer, 8, false, target is { Tag: TagBase, Size: 1, Encoding: 0x06 or 0x08 });
            default:
                return (DwarfValueKind.Unsupported, type is { Size: > 0 } ? (int)type.Size : 0, false, false);
        }
    }

    /// <summary>The type as bpftrace 0.17 spells it: <c>const char*</c>, <c>long long unsigned int</c>, <c>struct pt</c>.</summary>
    private string TypeName(long offset, int depth)
    {
        var type = Resolve(offset);
        if (type is null || depth > 32)
        {
            return "void";
        }

        return type.Tag switch
        {
            TagBase or TagTypedef => type.Name ?? "",
            TagPointer => TypeName(type.Type, depth + 1) + "*",
            TagReference => TypeName(type.Type, depth + 1) + "&",
            TagRvalueReference => TypeName(type.Type, depth + 1) + "&&",
            TagConst => "const " + TypeName(type.Type, depth + 1),
            TagVolatile => "volatile " + TypeName(type.Type, depth + 1),
            TagRestrict => TypeName(type.Type, depth + 1),
            TagAtomic => "_Atomic " + TypeName(type.Type, depth + 1),
            TagEnum => "enum " + type.Name,
            TagStruct => "struct " + type.Name,
            TagClass => "class " + type.Name,
            TagUnion => "union " + type.Name,
            TagArray => TypeName(type.Type, depth + 1) + "[]",
            TagSubroutineType => "void (*)()",
            _ => type.Name ?? "",
        };
    }

    private Dictionary<long, Abbreviation> ReadAbbreviations(long offset)
    {
        var result = new Dictionary<long, Abbreviation>();
        int position = checked((int)offset);
        while (position < _abbrev.Length)
        {
            long code = (long)Uleb(_abbrev, ref position);
            if (code == 0)
            {
                break;
            }

            int tag = (int)Uleb(_abbrev, ref position);
            bool children = _abbrev[position++] != 0;
            var attributes = new List<(int, int, long)>();
            while (true)
            {
                int attribute = (int)Uleb(_abbrev, ref position);
                int form = (int)Uleb(_abbrev, ref position);
                long implicitValue = form == 0x21 ? Sleb(_abbrev, ref position) : 0;
                if (attribute == 0 && form == 0)
                {
                    break;
                }

                attributes.Add((attribute, form, implicitValue));
            }

            result[code] = new Abbreviation(tag, children, attributes.ToArray());
        }

        return result;
    }

    private void ReadUnit(int unitStart, int position, int unitEnd, Dictionary<long, Abbreviation> abbreviations, bool is64, int addressSize, int version, List<long> subprograms)
    {
        var parents = new Stack<Entry?>();
        Entry? parent = null;
        long strOffsetsBase = 8;
        var pendingStrx = new List<(Entry Entry, int Attribute, long Index)>();
        while (position < unitEnd)
        {
            long offset = position;
            long code = (long)Uleb(_info, ref position);
            if (code == 0)
            {
                if (parents.Count == 0)
                {
                    break;
                }

                parent = parents.Pop();
                continue;
            }

            if (!abbreviations.TryGetValue(code, out var abbreviation))
            {
                throw new InvalidDataException($"unknown DWARF abbreviation {code} at 0x{offset:x}");
            }

            var entry = new Entry { Tag = abbreviation.Tag };
            foreach (var (attribute, form, implicitValue) in abbreviation.Attributes)
            {
                var (value, text, isStrx) = ReadForm(form, implicitValue, ref position, unitStart, is64, addressSize, version);
                if (isStrx && attribute is AtName or AtLinkageName or AtMipsLinkageName)
                {
                    pendingStrx.Add((entry, attribute, value));
                    continue;
                }

                switch (attribute)
                {
                    case AtName: entry.Name = text; break;
                    case AtLinkageName or AtMipsLinkageName: entry.LinkageName = text; break;
                    case AtType: entry.Type = value; break;
                    case AtAbstractOrigin or AtSpecification: entry.Origin = value; break;
                    case AtByteSize: entry.Size = value; break;
                    case AtEncoding: entry.Encoding = (int)value; break;
                    case AtDeclaration: entry.Declaration = value != 0; break;
                    case AtStrOffsetsBase: strOffsetsBase = value; break;
                }
            }

            if (entry.Tag is TagBase or TagTypedef or TagPointer or TagReference or TagRvalueReference or TagConst or TagVolatile or TagRestrict
                or TagAtomic or TagEnum or TagStruct or TagClass or TagUnion or TagArray or TagSubroutineType or TagSubprogram or TagParameter)
            {
                _entries[offset] = entry;
            }

            if (entry.Tag == TagSubprogram)
            {
                subprograms.Add(offset);
            }
            else if (entry.Tag == TagParameter && parent is { Tag: TagSubprogram })
            {
                parent.Parameters.Add(offset);
            }

            if (abbreviation.HasChildren)
            {
                parents.Push(parent);
                parent = entry;
            }
        }

        foreach (var (entry, attribute, index) in pendingStrx)
        {
            string? text = null;
            if (_strOffsets is not null)
            {
                int at = checked((int)(strOffsetsBase + index * (is64 ? 8 : 4)));
                long strOffset = is64 ? (long)U64(_strOffsets, ref at) : U32(_strOffsets, ref at);
                text = CString(_str, strOffset);
            }

            if (attribute == AtName)
            {
                entry.Name = text;
            }
            else
            {
                entry.LinkageName = text;
            }
        }
    }

    /// <summary>Reads one attribute value: references are made absolute .debug_info offsets.</summary>
    private (long Value, string? Text, bool IsStrx) ReadForm(int form, long implicitValue, ref int p, int unitStart, bool is64, int addressSize, int version)
    {
        int offsetSize = is64 ? 8 : 4;
        switch (form)
        {
            case 0x01: p += addressSize; return (0, null, false); // addr
            case 0x03: { int n = U16(ref p); p += n; return (0, null, false); } // block2
            case 0x04: { long n = U32(ref p); p += checked((int)n); return (0, null, false); } // block4
            case 0x05: return (U16(ref p), null, false); // data2
            case 0x06: return (U32(ref p), null, false); // data4
            case 0x07: return ((long)U64(ref p), null, false); // data8
            case 0x08: { int start = p; while (_info[p] != 0) p++; p++; return (0, Encoding.UTF8.GetString(_info, start, p - start - 1), false); } // string
            case 0x09 or 0x18: { long n = (long)Uleb(_info, ref p); p += checked((int)n); return (0, null, false); } // block, exprloc
            case 0x0a: { int n = _info[p++]; p += n; return (0, null, false); } // block1
            case 0x0b: return (_info[p++], null, false); // data1
            case 0x0c: return (_info[p++], null, false); // flag
            case 0x0d: return (Sleb(_info, ref p), null, false); // sdata
            case 0x0e: { long o = Offset(ref p, is64); return (o, CString(_str, o), false); } // strp
            case 0x0f: return ((long)Uleb(_info, ref p), null, false); // udata
            case 0x10: return (version <= 2 ? ReadAddress(ref p, addressSize) : Offset(ref p, is64), null, false); // ref_addr
            case 0x11: return (unitStart + _info[p++], null, false); // ref1
            case 0x12: return (unitStart + U16(ref p), null, false); // ref2
            case 0x13: return (unitStart + U32(ref p), null, false); // ref4
            case 0x14: return (unitStart + (long)U64(ref p), null, false); // ref8
            case 0x15: return (unitStart + (long)Uleb(_info, ref p), null, false); // ref_udata
            case 0x16: { int actual = (int)Uleb(_info, ref p); return ReadForm(actual, implicitValue, ref p, unitStart, is64, addressSize, version); } // indirect
            case 0x17: return (Offset(ref p, is64), null, false); // sec_offset
            case 0x19: return (1, null, false); // flag_present
            case 0x1a: return ((long)Uleb(_info, ref p), null, true); // strx
            case 0x1b or 0x22 or 0x23: Uleb(_info, ref p); return (0, null, false); // addrx, loclistx, rnglistx
            case 0x1c: p += 4; return (0, null, false); // ref_sup4
            case 0x1d: p += offsetSize; return (0, null, false); // strp_sup
            case 0x1e: p += 16; return (0, null, false); // data16
            case 0x1f: { long o = Offset(ref p, is64); return (o, CString(_lineStr, o), false); } // line_strp
            case 0x20: p += 8; return (0, null, false); // ref_sig8
            case 0x21: return (implicitValue, null, false); // implicit_const
            case 0x24: p += 8; return (0, null, false); // ref_sup8
            case 0x25: return (_info[p++], null, true); // strx1
            case 0x26: return (U16(ref p), null, true); // strx2
            case 0x27: { long v = _info[p] | _info[p + 1] << 8 | _info[p + 2] << 16; p += 3; return (v, null, true); } // strx3
            case 0x28: return (U32(ref p), null, true); // strx4
            case 0x29: p += 1; return (0, null, false); // addrx1
            case 0x2a: p += 2; return (0, null, false); // addrx2
            case 0x2b: p += 3; return (0, null, false); // addrx3
            case 0x2c: p += 4; return (0, null, false); // addrx4
            case 0x1f01 or 0x1f02: Uleb(_info, ref p); return (0, null, false); // GNU_addr_index, GNU_str_index
            case 0x1f20: return (Offset(ref p, is64), null, false); // GNU_ref_alt
            case 0x1f21: return (Offset(ref p, is64), null, false); // GNU_strp_alt
            default: throw new NotSupportedException($"DWARF form 0x{form:x}");
        }
    }

    private long ReadAddress(ref int p, int size) => size == 8 ? (long)U64(ref p) : U32(ref p);

    private long Offset(ref int p, bool is64) => is64 ? (long)U64(ref p) : U32(ref p);

    private static string? CString(byte[]? data, long offset)
    {
        if (data is null || offset < 0 || offset >= data.Length)
        {
            return null;
        }

        int start = (int)offset;
        int end = Array.IndexOf(data, (byte)0, start);
        return Encoding.UTF8.GetString(data, start, (end < 0 ? data.Length : end) - start);
    }

    private int U16(ref int p) { int v = _info[p] | _info[p + 1] << 8; p += 2; return v; }

    private long U32(ref int p) => U32(_info, ref p);

    private ulong U64(ref int p) => U64(_info, ref p);

    private static long U32(byte[] data, ref int p) { long v = BitConverter.ToUInt32(data, p); p += 4; return v; }

    private static ulong U64(byte[] data, ref int p) { ulong v = BitConverter.ToUInt64(data, p); p += 8; return v; }

    private static ulong Uleb(byte[] data, ref int p)
    {
        ulong result = 0;
        int shift = 0;
        byte b;
        do
        {
            b = data[p++];
            if (shift < 64)
            {
                result |= (ulong)(b & 0x7f) << shift;
            }

            shift += 7;
        }
        while ((b & 0x80) != 0);
        return result;
    }

    private static long Sleb(byte[] data, ref int p)
    {
        long result = 0;
        int shift = 0;
        byte b;
        do
        {
            b = data[p++];
            if (shift < 64)
            {
                result |= (long)(b & 0x7f) << shift;
            }

            shift += 7;
        }
        while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0)
        {
            result |= -1L << shift;
        }

        return result;
    }
}
