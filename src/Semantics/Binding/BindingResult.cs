using System.Collections.Immutable;
using BtLang.Semantics.Symbols;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary>
/// The binder's output: the program, and for the semantic model the bound node of each syntax node (a dictionary the
/// binder never changes after handing it over) and the symbol each name token refers to; and how many passes over
/// the tree map type inference took.
/// </summary>
internal sealed record BindingResult(
    BoundProgram Program,
    IReadOnlyDictionary<SyntaxNode, BoundNode> BoundNodes,
    ImmutableArray<(SyntaxToken Token, Symbol Symbol)> References,
    int Passes = 1);
