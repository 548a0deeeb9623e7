using System.Collections.Immutable;
using BtLang.Diagnostics;
using BtLang.Semantics.Types;

namespace BtLang.Semantics.Symbols;

/// <summary>
/// A global map (<c>@</c>, <c>@name</c>). Its key and value types are inferred over the whole program.
/// <see cref="KeyType"/> is null for a scalar map (<c>@x = 1</c>); several keys form a tuple key.
/// </summary>
public sealed class MapSymbol : Symbol
{
    internal MapSymbol(string name, BtType? keyType, BtType valueType, ImmutableArray<Location> locations, string? declaredKind, int? declaredMaxEntries)
        : base(name)
    {
        KeyType = keyType;
        ValueType = valueType;
        Locations = locations;
        DeclaredKind = declaredKind;
        DeclaredMaxEntries = declaredMaxEntries;
    }

    public override SymbolKind Kind => SymbolKind.Map;

    public BtType? KeyType { get; }

    public BtType ValueType { get; }

    /// <summary>True when the map is used without keys.</summary>
    public bool IsScalar => KeyType is null;

    /// <summary><c>hash</c>, <c>lruhash</c>, <c>percpuhash</c>, <c>percpulruhash</c> from a <c>let @m = ...;</c> declaration.</summary>
    public string? DeclaredKind { get; }

    public int? DeclaredMaxEntries { get; }

    public override ImmutableArray<Location> Locations { get; }

    /// <summary>bpftrace-like description: <c>@start: map[uint32] -> uint64</c>, or <c>@x: count_t</c> for scalars.</summary>
    public string ToDisplayString() => KeyType is null ? $"{Name}: {ValueType}" : $"{Name}: map[{KeyText(KeyType)}] -> {ValueType}";

    private static string KeyText(BtType key) => key is TupleType { IsRecord: false } t ? string.Join(", ", t.Elements) : key.ToString();
}
