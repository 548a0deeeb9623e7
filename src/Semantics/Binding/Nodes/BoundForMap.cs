using System.Collections.Immutable;
using BtLang.Semantics.Symbols;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary><c>for ($kv : @map) { }</c>: <c>$kv</c> is a (key, value) tuple.</summary>
internal sealed class BoundForMap : BoundStatement
{
    public BoundForMap(SyntaxNode syntax, VariableSymbol variable, string mapName, BoundBlock body, ImmutableArray<VariableSymbol> captured)
        : base(syntax)
    {
        Captured = captured;
        Variable = variable;
        MapName = mapName;
        Body = body;
    }

    public VariableSymbol Variable { get; }

    public string MapName { get; }

    public BoundBlock Body { get; }

    /// <summary>Variables declared before the loop that the body uses: they travel to the callback in a context record.</summary>
    public ImmutableArray<VariableSymbol> Captured { get; }
}
