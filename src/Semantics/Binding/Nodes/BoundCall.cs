using System.Collections.Immutable;
using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

/// <summary>
/// A call of a builtin function that produces a value or an action (printf, str, ksym, exit, ...). Aggregations
/// are <see cref="BoundAggregateAssignment"/>s instead. <see cref="FormatIndex"/> numbers printf-like call sites.
/// </summary>
internal sealed class BoundCall : BoundExpression
{
    public BoundCall(SyntaxNode syntax, string function, ImmutableArray<BoundExpression> arguments, BtType type, string? text = null, int formatIndex = -1)
        : base(syntax, type)
    {
        Function = function;
        Arguments = arguments;
        Text = text;
        FormatIndex = formatIndex;
    }

    /// <summary>Canonical function name (aliases resolved: <c>sym</c> is <c>ksym</c>).</summary>
    public string Function { get; }

    public ImmutableArray<BoundExpression> Arguments { get; }

    /// <summary>A compile-time text argument: printf/system/cat format, time format, stack mode, map name.</summary>
    public string? Text { get; }

    public int FormatIndex { get; }
}
