using System.Collections.Immutable;
using BtLang.Diagnostics;
using BtLang.Semantics.Types;

namespace BtLang.Semantics.Symbols;

/// <summary>A scratch variable (<c>$x</c>), scoped to the block that declares or first assigns it.</summary>
public sealed class VariableSymbol : Symbol
{
    internal VariableSymbol(string name, BtType type, Location declaration, int id)
        : base(name)
    {
        Type = type;
        Declaration = declaration;
        Id = id;
    }

    public override SymbolKind Kind => SymbolKind.Variable;

    public BtType Type { get; internal set; }

    /// <summary>
    /// True for <c>let $x;</c> (no type, no value) until the first assignment, which gives the variable its type, as
    /// in bpftrace; until then it reads as a zero int64.
    /// </summary>
    internal bool TypeFromFirstAssignment { get; set; }

    public Location Declaration { get; }

    /// <summary>Unique within a compilation; distinguishes shadowed variables of the same name.</summary>
    public int Id { get; }

    public override ImmutableArray<Location> Locations => ImmutableArray.Create(Declaration);

    public string ToDisplayString() => $"{Name}: {Type}";
}
