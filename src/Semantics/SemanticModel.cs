using System.Collections.Immutable;
using BtLang.Semantics.Binding;
using BtLang.Semantics.Symbols;
using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics;

/// <summary>Answers questions about the program at a position: the type of an expression, the symbol a name refers to, the symbols in scope.</summary>
public sealed class SemanticModel
{
    private readonly Compilation _compilation;

    internal SemanticModel(Compilation compilation) => _compilation = compilation;

    public Compilation Compilation => _compilation;

    public SyntaxTree SyntaxTree => _compilation.SyntaxTree;

    /// <summary>The type of an expression, or null when the node is not a bound expression.</summary>
    public BtType? GetType(SyntaxNode node, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _compilation.Binding.BoundNodes.TryGetValue(node, out var bound) && bound is BoundExpression e ? e.Type : null;
    }

    /// <summary>The symbol a token names: a map, a scratch variable, or null.</summary>
    public Symbol? GetSymbol(SyntaxToken token, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (token.Text.StartsWith('@') && _compilation.BoundProgram.Maps.TryGetValue(token.Text, out var map))
        {
            return map;
        }

        foreach (var (reference, symbol) in _compilation.Binding.References)
        {
            if (reference.Span == token.Span)
            {
                return symbol;
            }
        }

        return null;
    }

    /// <summary>Every place a symbol is referred to (maps by name, variables by identity).</summary>
    public ImmutableArray<SyntaxToken> GetReferences(Symbol symbol, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (symbol is MapSymbol map)
        {
            return SyntaxTree.GetRoot().DescendantTokens().Where(t => t.Text == map.Name).ToImmutableArray();
        }

        return _compilation.Binding.References.Where(r => ReferenceEquals(r.Symbol, symbol)).Select(r => r.Token).ToImmutableArray();
    }

    /// <summary>Maps (global) and the scratch variables visible at <paramref name="position"/>.</summary>
    public ImmutableArray<Symbol> LookupSymbols(int position, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var builder = ImmutableArray.CreateBuilder<Symbol>();
        builder.AddRange(_compilation.Maps);
        var probe = _compilation.BoundProgram.Probes.FirstOrDefault(p => p.Syntax.FullSpan.Contains(position));
        if (probe is not null)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (token, symbol) in _compilation.Binding.References)
            {
                if (symbol is VariableSymbol variable && probe.Syntax.Span.Contains(token.Span.Start) && token.Span.Start < position && seen.Add(variable.Name))
                {
                    builder.Add(variable);
                }
            }
        }

        return builder.ToImmutable();
    }
}
