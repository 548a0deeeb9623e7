using System.Collections.Immutable;
using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary>A tuple or record value, or the key tuple of a multi-key map access.</summary>
internal sealed class BoundTuple : BoundExpression
{
    public BoundTuple(SyntaxNode syntax, ImmutableArray<BoundExpression> elements, TupleType type)
        : base(syntax, type) => Elements = elements;

    public ImmutableArray<BoundExpression> Elements { get; }

    public TupleType TupleType => (TupleType)Type;
}
