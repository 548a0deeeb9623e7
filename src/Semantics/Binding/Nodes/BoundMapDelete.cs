using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary><c>delete(@m, k)</c>, <c>delete(@m[k])</c>, <c>@m[k] = delete()</c>.</summary>
internal sealed class BoundMapDelete : BoundStatement
{
    public BoundMapDelete(SyntaxNode syntax, BoundMapAccess target)
        : base(syntax) => Target = target;

    public BoundMapAccess Target { get; }
}
