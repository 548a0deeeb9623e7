using BtLang.Semantics.Symbols;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary><c>for ($kv : @map) { }</c>: <c>$kv</c> is a (key, value) tuple.</summary>
internal sealed class BoundForMap : BoundStatement
{
    public BoundForMap(SyntaxNode syntax, VariableSymbol variable, string mapName, BoundBlock body)
        : base(syntax)
    {
        Variable = variable;
        MapName = mapName;
        Body = body;
    }

    public VariableSymbol Variable { get; }

    public string MapName { get; }

    public BoundBlock Body { get; }
}
