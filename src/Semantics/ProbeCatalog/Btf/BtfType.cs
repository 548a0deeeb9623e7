using System.Collections.Immutable;

namespace BtLang.Semantics.ProbeCatalog.Btf;

/// <summary>
/// One decoded BTF type. Which properties are meaningful depends on <see cref="Kind"/>:
/// <list type="bullet">
/// <item>INT: <see cref="Size"/>, <see cref="IntEncoding"/>, <see cref="IntBits"/>, <see cref="IntBitOffset"/>.</item>
/// <item>PTR, TYPEDEF, VOLATILE, CONST, RESTRICT, TYPE_TAG: <see cref="TypeId"/> (the target).</item>
/// <item>ARRAY: <see cref="TypeId"/> (element), <see cref="ArrayIndexTypeId"/>, <see cref="ArrayLength"/>.</item>
/// <item>STRUCT, UNION: <see cref="Size"/>, <see cref="Members"/>.</item>
/// <item>ENUM, ENUM64: <see cref="Size"/>, <see cref="EnumValues"/>, <see cref="IsSignedEnum"/>.</item>
/// <item>FWD: <see cref="IsUnionForward"/>.</item>
/// <item>FUNC: <see cref="TypeId"/> (its FUNC_PROTO), <see cref="Linkage"/>.</item>
/// <item>FUNC_PROTO: <see cref="TypeId"/> (return type), <see cref="Parameters"/>.</item>
/// <item>VAR: <see cref="TypeId"/>, <see cref="Linkage"/>.</item>
/// <item>DATASEC: <see cref="Size"/>, <see cref="Variables"/>.</item>
/// <item>FLOAT: <see cref="Size"/>.</item>
/// <item>DECL_TAG: <see cref="TypeId"/> (the tagged type), <see cref="ComponentIndex"/> (-1 for the type itself).</item>
/// </list>
/// </summary>
public sealed record BtfType(int Id, BtfKind Kind, string Name)
{
    /// <summary>The void type (id 0).</summary>
    public static BtfType Void { get; } = new(0, BtfKind.Void, "void");

    /// <summary>Byte size for sized kinds.</summary>
    public uint Size { get; init; }

    /// <summary>The referenced type id (see the kind table above).</summary>
    public int TypeId { get; init; }

    /// <summary>The kind_flag bit of the type's info word.</summary>
    public bool KindFlag { get; init; }

    /// <summary>INT encoding.</summary>
    public BtfIntEncoding IntEncoding { get; init; }

    /// <summary>INT width in bits.</summary>
    public int IntBits { get; init; }

    /// <summary>INT bit offset.</summary>
    public int IntBitOffset { get; init; }

    /// <summary>ARRAY index type id.</summary>
    public int ArrayIndexTypeId { get; init; }

    /// <summary>ARRAY element count.</summary>
    public uint ArrayLength { get; init; }

    /// <summary>STRUCT/UNION members.</summary>
    public ImmutableArray<BtfMember> Members { get; init; } = [];

    /// <summary>FUNC_PROTO parameters.</summary>
    public ImmutableArray<BtfParameter> Parameters { get; init; } = [];

    /// <summary>ENUM/ENUM64 values.</summary>
    public ImmutableArray<BtfEnumValue> EnumValues { get; init; } = [];

    /// <summary>DATASEC variables.</summary>
    public ImmutableArray<BtfDataSectionVariable> Variables { get; init; } = [];

    /// <summary>FUNC/VAR linkage (0 static, 1 global, 2 extern).</summary>
    public int Linkage { get; init; }

    /// <summary>DECL_TAG component index (-1 means the declaration itself).</summary>
    public int ComponentIndex { get; init; }

    /// <summary>True for STRUCT and UNION.</summary>
    public bool IsComposite => Kind is BtfKind.Struct or BtfKind.Union;

    /// <summary>True for a signed INT.</summary>
    public bool IsSignedInt => Kind == BtfKind.Int && (IntEncoding & BtfIntEncoding.Signed) != 0;

    /// <summary>ENUM64 (and ENUM, since kernel 6.0) with kind_flag set: signed values.</summary>
    public bool IsSignedEnum => Kind is BtfKind.Enum or BtfKind.Enum64 && KindFlag;

    /// <summary>A forward declaration of a union (else of a struct).</summary>
    public bool IsUnionForward => Kind == BtfKind.Forward && KindFlag;

    /// <summary>True for the modifiers that <see cref="BtfTypeTable.Resolve"/> skips.</summary>
    public bool IsModifierOrTypedef => Kind is BtfKind.Typedef or BtfKind.Const or BtfKind.Volatile or BtfKind.Restrict or BtfKind.TypeTag;
}
