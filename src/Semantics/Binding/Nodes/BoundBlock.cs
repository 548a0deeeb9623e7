using System.Collections.Immutable;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal sealed class BoundBlock : BoundStatement
{
    public BoundBlock(SyntaxNode syntax, ImmutableArray<BoundStatement> statements)
        : base(syntax) => Statements = statements;

    public ImmutableArray<BoundStatement> Statements { get; }
}
