using System.Collections.Immutable;
using System.Globalization;
using BtLang.Emit.Metadata;
using BtLang.Semantics.Types;

namespace BtLang.Emit.CodeGen;

/// <summary>Maps a compiler type to the layout description stored in the object's metadata.</summary>
internal static class RuntimeTypes
{
    public static RuntimeType From(BtType type, string? kernelStackMap = null, string? userStackMap = null) => type switch
    {
        IntegerType i => RuntimeType.Int(i.Size, i.IsSigned),
        EnumType e => new RuntimeType
        {
            Kind = RuntimeTypeKind.Enum,
            Size = e.Size,
            IsSigned = true,
            Name = e.Name,
            EnumValues = e.Values.GroupBy(p => p.Value).ToImmutableDictionary(g => g.Key, g => g.First().Key),
        },
        StringType s => RuntimeType.String(s.Capacity),
        BufferType b => new RuntimeType { Kind = RuntimeTypeKind.Buffer, Size = b.Size },
        TupleType t => new RuntimeType
        {
            Kind = t.IsRecord ? RuntimeTypeKind.Record : RuntimeTypeKind.Tuple,
            Size = t.Size,
            Fields = t.Elements.Select((e, index) => new RuntimeField(
                t.IsRecord ? t.FieldNames[index] : index.ToString(CultureInfo.InvariantCulture),
                t.Offsets[index],
                From(e, kernelStackMap, userStackMap))).ToImmutableArray(),
        },
        ArrayType a => new RuntimeType { Kind = RuntimeTypeKind.Array, Size = a.Size, Element = From(a.Element), Count = a.Count },
        PointerType p => new RuntimeType { Kind = RuntimeTypeKind.Pointer, Size = 8, Name = p.Element.ToString() },
        StructType s => new RuntimeType
        {
            Kind = RuntimeTypeKind.Struct,
            Size = s.Size,
            Name = s.Name,
            Fields = s.Members.Where(m => m.BitFieldSize == 0).Select(m => new RuntimeField(m.Name, m.Offset, From(m.Type))).ToImmutableArray(),
        },
        StackType { IsUser: false } k => new RuntimeType { Kind = RuntimeTypeKind.KernelStack, Size = 8, StackMap = kernelStackMap, StackDepth = k.Depth, StackMode = k.Mode },
        StackType u => new RuntimeType { Kind = RuntimeTypeKind.UserStack, Size = 16, StackMap = userStackMap, StackDepth = u.Depth, StackMode = u.Mode },
        SimpleType { Kind: TypeKind.Bool } => RuntimeType.Bool,
        SimpleType { Kind: TypeKind.KernelSymbol } => new RuntimeType { Kind = RuntimeTypeKind.KernelSymbol, Size = 8 },
        SimpleType { Kind: TypeKind.UserSymbol } => new RuntimeType { Kind = RuntimeTypeKind.UserSymbol, Size = 16 },
        SimpleType { Kind: TypeKind.Inet } => new RuntimeType { Kind = RuntimeTypeKind.InetAddress, Size = 24 },
        SimpleType { Kind: TypeKind.Timestamp } => new RuntimeType { Kind = RuntimeTypeKind.Timestamp, Size = 8 },
        SimpleType { Kind: TypeKind.UserName } => new RuntimeType { Kind = RuntimeTypeKind.UserName, Size = 8 },
        SimpleType { Kind: TypeKind.CgroupPath } => new RuntimeType { Kind = RuntimeTypeKind.CgroupPath, Size = 8 },
        SimpleType { Kind: TypeKind.ProbeName } => new RuntimeType { Kind = RuntimeTypeKind.ProbeName, Size = 8 },
        SimpleType { Kind: TypeKind.ErrorText } => new RuntimeType { Kind = RuntimeTypeKind.ErrorText, Size = 8 },
        SimpleType { Kind: TypeKind.MacAddress } => new RuntimeType { Kind = RuntimeTypeKind.MacAddress, Size = 6 },
        _ => RuntimeType.None,
    };
}
