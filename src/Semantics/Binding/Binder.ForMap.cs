using System.Collections.Immutable;
using BtLang.Semantics.Symbols;
using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal sealed partial class Binder
{
    /// <summary>
    /// <c>for ($kv : @map) { }</c>: <c>$kv</c> is a (key, value) tuple. The body runs as a callback of
    /// bpf_for_each_map_elem, so the binder records which outer variables it uses (they travel in a context record).
    /// </summary>
    private BoundStatement BindForMap(ForStatementSyntax statement, MapExpressionSyntax map, Scope outer)
    {
        string name = MapName(map.MapToken);
        var info = GetMap(name);
        info.IsRead = true;
        info.Locations.Add(Loc(map.MapToken));
        BtType keyType = info.KeyType ?? IntegerType.Int64;
        BtType valueType = info.ValueType ?? SimpleType.Error;
        if (info.ValueType is null)
        {
            Report(SemanticDiagnostics.UndefinedMap, map, name);
        }
        else if (!IsMapIterable(valueType))
        {
            Report(SemanticDiagnostics.ForMapValueType, map, valueType);
        }

        if (outer.Lookup(statement.VariableToken.Text) is not null)
        {
            Report(SemanticDiagnostics.ForShadowsVariable, statement.VariableToken, statement.VariableToken.Text);
        }

        var elementValue = valueType is AggregateType aggregate
            ? (aggregate.IsSigned && aggregate.Aggregate != AggregateKind.Count ? IntegerType.Int64 : IntegerType.UInt64)
            : valueType;
        var element = new TupleType(ImmutableArray.Create(keyType, elementValue));
        var variable = DeclareVariable(statement.VariableToken, element);
        _references.Add((statement.VariableToken, variable));
        int firstReference = _references.Count;
        _loopDepth++;
        var body = BindBlock(statement.Body);
        _loopDepth--;

        // Variables of the enclosing scopes that the body reads or writes.
        var captured = ImmutableArray.CreateBuilder<VariableSymbol>();
        var seen = new HashSet<int>();
        for (int i = firstReference; i < _references.Count; i++)
        {
            if (_references[i].Symbol is VariableSymbol used && used.Id != variable.Id
                && ReferenceEquals(outer.Lookup(used.Name), used) && seen.Add(used.Id))
            {
                captured.Add(used);
            }
        }

        return new BoundForMap(statement, variable, name, body, captured.ToImmutable());
    }

    /// <summary>Like bpftrace: avg, stats, hist, lhist and tseries values (several words per key) cannot be iterated.</summary>
    private static bool IsMapIterable(BtType valueType) =>
        valueType is not AggregateType { Aggregate: AggregateKind.Avg or AggregateKind.Stats or AggregateKind.Hist or AggregateKind.LHist or AggregateKind.TSeries };

    /// <summary>
    /// <c>len(@map)</c>: the number of BPF elements of a map with keys, of every value kind, as bpftrace 0.26 counts
    /// them (<c>bpf_map_sum_elem_count</c> or <c>bpf_for_each_map_elem</c> over the map): one per key, but one per
    /// (key, bucket) for hist/lhist and per (key, interval slot) for tseries, whose elements are stored that way.
    /// A scalar map is an error there ("call to len() expects a map with explicit keys").
    /// </summary>
    private BoundExpression BindLen(CallExpressionSyntax call)
    {
        var bound = BindMapFunction(call, "len", IntegerType.Int64);
        if (bound is BoundCall { Text: { } name } && GetMap(name).HasKey == false)
        {
            Report(SemanticDiagnostics.LenOfScalarMap, call.ArgumentList.Arguments[0], name);
        }

        return bound;
    }
}
