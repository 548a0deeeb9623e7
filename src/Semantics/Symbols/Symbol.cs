using System.Collections.Immutable;
using BtLang.Diagnostics;

namespace BtLang.Semantics.Symbols;

/// <summary>A named thing a script refers to: a map, a scratch variable, a builtin, a function, a probe, a macro.</summary>
public abstract class Symbol
{
    private protected Symbol(string name) => Name = name;

    public string Name { get; }

    public abstract SymbolKind Kind { get; }

    /// <summary>Where the symbol is declared or first assigned (empty for builtins and functions).</summary>
    public virtual ImmutableArray<Location> Locations => ImmutableArray<Location>.Empty;

    public override string ToString() => Name;
}
