using BtLang.Semantics.Symbols;

namespace BtLang.Semantics.Binding;

/// <summary>A lexical block scope of scratch variables.</summary>
internal sealed class Scope
{
    private readonly Dictionary<string, VariableSymbol> _variables = new(StringComparer.Ordinal);

    public Scope(Scope? parent) => Parent = parent;

    public Scope? Parent { get; }

    public IEnumerable<VariableSymbol> Variables => _variables.Values;

    public VariableSymbol? Lookup(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._variables.TryGetValue(name, out var variable))
            {
                return variable;
            }
        }

        return null;
    }

    public void Declare(VariableSymbol variable) => _variables[variable.Name] = variable;
}
