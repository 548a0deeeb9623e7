using BtLang.Diagnostics;
using BtLang.Semantics.Types;

namespace BtLang.Semantics.Binding;

/// <summary>What the binder has learnt about one map so far (types unify over the whole program).</summary>
internal sealed class MapInfo
{
    public MapInfo(string name) => Name = name;

    public string Name { get; }

    /// <summary>Key type, null for scalar maps; meaningful once <see cref="HasKey"/> is known.</summary>
    public BtType? KeyType { get; set; }

    public bool? HasKey { get; set; }

    /// <summary>Null until the map is first assigned.</summary>
    public BtType? ValueType { get; set; }

    public List<Location> Locations { get; } = new();

    public Location? FirstAssignment { get; set; }

    public string? DeclaredKind { get; set; }

    public int? DeclaredMaxEntries { get; set; }

    public bool IsRead { get; set; }
}
