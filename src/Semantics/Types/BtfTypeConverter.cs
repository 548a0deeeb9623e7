using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using BtLang.Semantics.ProbeCatalog.Btf;

namespace BtLang.Semantics.Types;

/// <summary>
/// Turns kernel BTF types into BtLang types: integers, enums, pointers, arrays (char arrays become strings),
/// structs and unions (members resolved lazily, anonymous members flattened with their offsets), typedefs and
/// qualifiers stripped. One converter per BTF table caches what it made, so cyclic kernel structs are fine.
/// </summary>
public sealed class BtfTypeConverter
{
    private static readonly ConditionalWeakTable<BtfTypeTable, BtfTypeConverter> Converters = new();
    private readonly BtfTypeTable _table;
    private readonly ConcurrentDictionary<int, BtType> _cache = new();

    private readonly Lazy<ImmutableDictionary<string, int>> _enumConstants;

    private BtfTypeConverter(BtfTypeTable table)
    {
        _table = table;
        _enumConstants = new Lazy<ImmutableDictionary<string, int>>(IndexEnumConstants);
    }

    public static BtfTypeConverter For(BtfTypeTable table) => Converters.GetValue(table, t => new BtfTypeConverter(t));

    /// <summary>The struct or union named <paramref name="name"/>, or null.</summary>
    public StructType? FindStruct(string name, bool isUnion)
    {
        var type = isUnion ? _table.FindByName(name, BtfKind.Union) : _table.FindStruct(name);
        return type is null ? null : Convert(type.Id) as StructType;
    }

    /// <summary>A typedef'd or named type (e.g. <c>pid_t</c>), or null.</summary>
    public BtType? FindNamed(string name) => _table.FindTypedef(name) is { } typedef ? Convert(typedef.Id) : null;

    /// <summary>
    /// A kernel enum value by its name (<c>TCP_FIN_WAIT1</c>, <c>TASK_COMM_LEN</c>), from named and anonymous enums alike,
    /// as bpftrace resolves identifiers through BTF. The first enum that declares the name wins. The index is built on
    /// the first call (a walk over every BTF type), so scripts that never need it never pay for it.
    /// </summary>
    public bool TryGetEnumConstant(string name, out long value, out EnumType type)
    {
        value = 0;
        type = null!;
        if (!_enumConstants.Value.TryGetValue(name, out int id) || Convert(id) is not EnumType enumType)
        {
            return false;
        }

        type = enumType;
        return enumType.Values.TryGetValue(name, out value);
    }

    private ImmutableDictionary<string, int> IndexEnumConstants()
    {
        var index = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        for (int id = _table.FirstTypeId; id < _table.TypeCount; id++)
        {
            var type = _table.GetType(id);
            if (type.Kind is not (BtfKind.Enum or BtfKind.Enum64))
            {
                continue;
            }

            foreach (var value in type.EnumValues)
            {
                index.TryAdd(value.Name, id);
            }
        }

        return index.ToImmutable();
    }

    public BtType Convert(int id) => _cache.TryGetValue(id, out var cached) ? cached : _cache.GetOrAdd(id, ConvertUncached(id));

    private BtType ConvertUncached(int id)
    {
        var type = _table.StripQualifiers(id);
        switch (type.Kind)
        {
            case BtfKind.Void:
                return SimpleType.Void;
            case BtfKind.Int:
                if ((type.IntEncoding & BtfIntEncoding.Bool) != 0)
                {
                    return SimpleType.Bool;
                }

                return type.Size is 1 or 2 or 4 or 8 ? IntegerType.Get((int)type.Size * 8, type.IsSignedInt) : new ArrayType(IntegerType.UInt8, (int)Math.Max(1, type.Size));
            case BtfKind.Enum:
            case BtfKind.Enum64:
                var values = type.EnumValues.GroupBy(v => v.Name).ToImmutableDictionary(g => g.Key, g => g.First().Value);
                return new EnumType(type.Name.Length > 0 ? type.Name : $"enum#{type.Id}", (int)Math.Max(1, type.Size), values);
            case BtfKind.Pointer:
                var pointee = _table.StripQualifiers(type.TypeId);
                // Pointers to structs are made lazily through the cache, so self-referencing structs terminate.
                return new PointerType(pointee.Kind is BtfKind.Struct or BtfKind.Union or BtfKind.Forward ? Convert(pointee.Id) : PointeeOf(pointee));
            case BtfKind.Array:
                var element = Convert(type.TypeId);
                int count = (int)Math.Min(type.ArrayLength, 1 << 20);
                return element is IntegerType { Bits: 8 } ? new StringType(Math.Max(1, count)) : new ArrayType(element, count);
            case BtfKind.Struct:
            case BtfKind.Union:
                var composite = type;
                return new StructType(
                    composite.Name.Length > 0 ? composite.Name : $"anon#{composite.Id}",
                    composite.Kind == BtfKind.Union,
                    (int)composite.Size,
                    () => Members(composite, 0, 0));
            case BtfKind.Forward:
                return new StructType(type.Name, type.IsUnionForward, 0, ImmutableArray<StructMember>.Empty);
            case BtfKind.Typedef:
                // pid_t -> __kernel_pid_t -> int: a typedef is its target (it used to fall to the uint64 default).
                return Convert(type.TypeId);
            case BtfKind.Float:
                return IntegerType.Get(Math.Clamp((int)type.Size, 1, 8) * 8 is var bits && bits is 8 or 16 or 32 or 64 ? bits : 64, true);
            default:
                return IntegerType.UInt64;
        }
    }

    private BtType PointeeOf(BtfType pointee) => pointee.Kind switch
    {
        BtfKind.Void or BtfKind.FunctionProto => SimpleType.Void,
        _ => Convert(pointee.Id),
    };

    private ImmutableArray<StructMember> Members(BtfType composite, int baseOffsetBits, int depth)
    {
        var members = ImmutableArray.CreateBuilder<StructMember>();
        if (depth > 8)
        {
            return members.ToImmutable();
        }

        foreach (var member in composite.Members)
        {
            int bitOffset = baseOffsetBits + (int)member.BitOffset;
            if (member.Name.Length == 0)
            {
                var inner = _table.StripQualifiers(member.TypeId);
                if (inner.IsComposite)
                {
                    members.AddRange(Members(inner, bitOffset, depth + 1));
                }

                continue;
            }

            var type = Convert(member.TypeId);
            members.Add(member.IsBitfield
                ? new StructMember(member.Name, bitOffset / 8, type, bitOffset % 8, (int)member.BitfieldSize)
                : new StructMember(member.Name, bitOffset / 8, type));
        }

        return members.ToImmutable();
    }
}
