using System.Collections.Immutable;
using BtLang.Semantics.Symbols;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary>The binder's output: the program, and for the semantic model the bound node of each syntax node and the symbol each name token refers to.</summary>
internal sealed record BindingResult(
    BoundProgram Program,
    ImmutableDictionary<SyntaxNode, BoundNode> BoundNodes,
    ImmutableArray<(SyntaxToken Token, Symbol Symbol)> References);
