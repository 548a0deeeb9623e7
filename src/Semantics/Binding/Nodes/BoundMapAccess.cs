using BtLang.Semantics.Symbols;
using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary><c>@name</c> or <c>@name[k1, k2]</c>. <see cref="Key"/> is null for scalar maps; several keys form a tuple.</summary>
internal sealed class BoundMapAccess : BoundExpression
{
    public BoundMapAccess(SyntaxNode syntax, string mapName, BoundExpression? key, BtType type)
        : base(syntax, type)
    {
        MapName = mapName;
        Key = key;
    }

    public string MapName { get; }

    public BoundExpression? Key { get; }
}
