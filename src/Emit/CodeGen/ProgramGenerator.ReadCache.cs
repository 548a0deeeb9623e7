using BtLang.Emit.Llvm;
using BtLang.Semantics.Binding;
using BtLang.Semantics.Builtins;

namespace BtLang.Emit.CodeGen;

/// <summary>
/// A per-program cache of scalar map reads, so that <c>/@start[tid]/ { ... @start[tid] ... }</c> looks the key up
/// once. A read is remembered only where it runs unconditionally at the top level of the probe (the predicate, or
/// a top-level statement of the body outside <c>&amp;&amp;</c>, <c>||</c> and <c>?:</c>), so its value dominates all
/// the code generated after it; only keys that cannot change while the program runs qualify (none, an integer
/// literal, <c>pid</c>, <c>tid</c>, <c>uid</c>, <c>gid</c>, <c>cpu</c>). Every map write, delete, <c>clear</c>,
/// <c>zero</c>, loop and <c>for</c> callback forgets all of it. Another CPU may change the entry meanwhile; reusing
/// the value then is the same as having read it a moment earlier.
/// </summary>
internal sealed partial class ProgramGenerator
{
    private readonly Dictionary<string, LlvmValue> _readCache = new(StringComparer.Ordinal);
    private readonly HashSet<BoundMapAccess> _cacheableReads = new(ReferenceEqualityComparer.Instance);

    /// <summary>Finds the reads of the predicate and the body's top-level statements that run unconditionally.</summary>
    private void CollectCacheableReads()
    {
        if (_probe.Predicate is { } predicate)
        {
            CollectUnconditionalReads(predicate);
        }

        foreach (var statement in _probe.Body.Statements)
        {
            switch (statement)
            {
                case BoundExpressionStatement expression:
                    CollectUnconditionalReads(expression.Expression);
                    break;
                case BoundMapAssignment assignment:
                    CollectUnconditionalReads(assignment.Value);
                    break;
                case BoundAggregateAssignment aggregate when aggregate.Argument is { } argument:
                    CollectUnconditionalReads(argument);
                    break;
                case BoundVariableAssignment assignment:
                    CollectUnconditionalReads(assignment.Value);
                    break;
            }
        }
    }

    private void CollectUnconditionalReads(BoundExpression expression)
    {
        switch (expression)
        {
            case BoundMapAccess access:
                _cacheableReads.Add(access);
                break;
            case BoundBinary { Operator: BinaryOperator.LogicalAnd or BinaryOperator.LogicalOr } binary:
                CollectUnconditionalReads(binary.Left);
                break;
            case BoundBinary binary:
                CollectUnconditionalReads(binary.Left);
                CollectUnconditionalReads(binary.Right);
                break;
            case BoundUnary unary:
                CollectUnconditionalReads(unary.Operand);
                break;
            case BoundCast cast:
                CollectUnconditionalReads(cast.Operand);
                break;
        }
    }

    /// <summary>The cache key of a read whose key cannot change while the program runs, else null.</summary>
    private static string? ReadCacheKey(BoundMapAccess access) => access.Key switch
    {
        null => access.MapName,
        BoundLiteral { StringValue: null } literal => $"{access.MapName}[{literal.IntegerValue}]",
        BoundBuiltin { Builtin: BuiltinVariable.Pid or BuiltinVariable.Tid or BuiltinVariable.Uid or BuiltinVariable.Gid or BuiltinVariable.Cpu } builtin =>
            $"{access.MapName}[{builtin.Builtin}]",
        _ => null,
    };

    private bool TryReadCached(BoundMapAccess access, out CgValue value)
    {
        if (ReadCacheKey(access) is { } key && _readCache.TryGetValue(key, out var cached))
        {
            value = CgValue.Scalar(cached);
            return true;
        }

        value = default;
        return false;
    }

    private CgValue RememberRead(BoundMapAccess access, CgValue value)
    {
        if (!value.IsMemory && _cacheableReads.Contains(access) && ReadCacheKey(access) is { } key)
        {
            _readCache[key] = value.Value;
        }

        return value;
    }

    /// <summary>Called before anything that may change a map, and around loops and callbacks.</summary>
    private void ForgetMapReads() => _readCache.Clear();
}
