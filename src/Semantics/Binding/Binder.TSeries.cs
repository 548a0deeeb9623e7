using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal sealed partial class Binder
{
    private const long MaxTSeriesIntervals = 1_000_000;

    private bool _warnedUnstableTSeries;

    /// <summary>
    /// <c>@m[k] = tseries(v, interval_ns, num_intervals [, "avg"|"max"|"min"|"sum"])</c>, with bpftrace's checks: the
    /// interval and the count are non-negative literals (durations like <c>1s</c> count), at least 1, and at most a
    /// million intervals.
    /// </summary>
    private BoundStatement BindTSeries(AssignmentStatementSyntax assignment, MapExpressionSyntax map, BoundExpression? key, CallExpressionSyntax call, string name)
    {
        var mode = _settings.Config.UnstableFeatures.TryGetValue("tseries", out var set) ? set : Configuration.UnstableFeatureMode.Warn;
        if (mode == Configuration.UnstableFeatureMode.Error)
        {
            Report(SemanticDiagnostics.UnstableFeatureDisabled, call, "tseries", "tseries");
            return new BoundExpressionStatement(assignment, new BoundError(call));
        }

        if (mode == Configuration.UnstableFeatureMode.Warn && !_warnedUnstableTSeries)
        {
            // Like bpftrace: unstable_tseries defaults to warn, once per script.
            _warnedUnstableTSeries = true;
            Report(SemanticDiagnostics.UnstableFeatureUsed, call.Identifier, "tseries", "tseries");
        }

        var arguments = call.ArgumentList.Arguments;
        var argument = BindExpression(arguments[0]);
        if (!TypeFacts.IsIntegerLike(argument.Type))
        {
            Report(SemanticDiagnostics.ExpectedInteger, arguments[0], "tseries()", argument.Type);
        }

        bool ok = true;
        long interval = TSeriesLiteral(arguments[1], "interval_ns", ref ok);
        long count = TSeriesLiteral(arguments[2], "num_intervals", ref ok);
        if (ok && interval < 1)
        {
            Report(SemanticDiagnostics.TSeriesInterval, arguments[1], interval);
            ok = false;
        }

        if (ok && count < 1)
        {
            Report(SemanticDiagnostics.TSeriesIntervalCount, arguments[2], ">= 1", count);
            ok = false;
        }
        else if (ok && count > MaxTSeriesIntervals)
        {
            Report(SemanticDiagnostics.TSeriesIntervalCount, arguments[2], "< 1000000", count);
            ok = false;
        }

        var function = TSeriesFunction.None;
        if (arguments.Count == 4)
        {
            string text = LiteralString(arguments[3], "tseries()");
            switch (text)
            {
                case "avg": function = TSeriesFunction.Avg; break;
                case "max": function = TSeriesFunction.Max; break;
                case "min": function = TSeriesFunction.Min; break;
                case "sum": function = TSeriesFunction.Sum; break;
                default:
                    if (arguments[3] is LiteralExpressionSyntax { Kind: SyntaxKind.StringLiteralExpression })
                    {
                        Report(SemanticDiagnostics.TSeriesAggregation, arguments[3], text);
                    }

                    ok = false;
                    break;
            }
        }

        if (!ok)
        {
            return new BoundExpressionStatement(assignment, new BoundError(call));
        }

        bool signed = argument.Type is not IntegerType { IsSigned: false };
        var type = new AggregateType(AggregateKind.TSeries, signed, intervalNs: interval, intervalCount: (int)count, tseriesFunction: function);
        var valueType = NoteMapValue(map, name, type, call);
        NoteMapKey(map, name, key);
        var access = Record(map, new BoundMapAccess(map, name, key, valueType));
        return Record(assignment, new BoundAggregateAssignment(assignment, access, type, argument));
    }

    private long TSeriesLiteral(ExpressionSyntax syntax, string what, ref bool ok)
    {
        var bound = BindExpression(syntax);
        if (bound.ConstantValue is long value && value >= 0)
        {
            return value;
        }

        if (!bound.Type.IsError)
        {
            Report(SemanticDiagnostics.TSeriesLiteral, syntax, what);
        }

        ok = false;
        return 0;
    }
}
