using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal sealed partial class Binder
{
    /// <summary>
    /// Largest haystack-times-needle capacity for a needle that is not a literal: the search is two nested bounded
    /// loops, and the verifier walks every step of them (1024 x 32 and 256 x 256 load on 6.18; 1024 x 64 does not).
    /// </summary>
    private const int StrContainsLoopBudget = 1024 * 32;

    /// <summary><c>strcontains(haystack, needle)</c>: two strings; a run-time needle must keep the search verifiable.</summary>
    private BoundExpression BindStrContains(CallExpressionSyntax call)
    {
        var bound = BindStringPair(call, "strcontains", SimpleType.Bool);
        if (bound is BoundCall { Arguments: [var haystack, var needle] } && needle is not BoundLiteral { StringValue: not null })
        {
            int h = ((StringType)haystack.Type).Capacity;
            int n = ((StringType)needle.Type).Capacity;
            if ((long)h * n > StrContainsLoopBudget)
            {
                Report(Diagnostics.Diagnostic.Create(SemanticDiagnostics.StrContainsTooLarge, Loc(call), h, n)
                    .WithHint("bound the strings, e.g. str(p, 64), or search for a string literal"));
                return new BoundError(call);
            }
        }

        return bound;
    }
}
