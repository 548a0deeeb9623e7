using System.Collections.Immutable;
using BtLang.Semantics.Symbols;
using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal sealed partial class Binder
{
    private BoundBlock BindBlock(BlockSyntax block, bool newScope = true)
    {
        var saved = _scope;
        if (newScope)
        {
            _scope = new Scope(_scope);
        }

        var statements = ImmutableArray.CreateBuilder<BoundStatement>();
        foreach (var statement in block.Statements)
        {
            if (BindStatement(statement) is { } bound)
            {
                statements.Add(bound);
            }
        }

        _scope = saved;
        return Record(block, new BoundBlock(block, statements.ToImmutable()));
    }

    private BoundStatement? BindStatement(StatementSyntax statement)
    {
        switch (statement)
        {
            case ExpressionStatementSyntax e:
                return BindExpressionStatement(e);
            case AssignmentStatementSyntax a:
                return BindAssignment(a);
            case VariableDeclarationStatementSyntax d:
                return BindVariableDeclaration(d);
            case IfStatementSyntax i:
                return BindIf(i);
            case WhileStatementSyntax w:
                return BindWhile(w);
            case UnrollStatementSyntax u:
                return BindUnroll(u);
            case ForStatementSyntax f:
                return BindFor(f);
            case BreakStatementSyntax b:
                return BindJump(b, BoundJumpKind.Break, "break");
            case ContinueStatementSyntax c:
                return BindJump(c, BoundJumpKind.Continue, "continue");
            case ReturnStatementSyntax r:
                if (r.Expression is { } value)
                {
                    BindExpression(value);
                }

                return Record(r, new BoundJump(r, BoundJumpKind.Return));
            case BlockStatementSyntax block:
                return BindBlock(block.Block);
            case EmptyStatementSyntax:
                return null;
            default:
                return null;
        }
    }

    private BoundStatement BindExpressionStatement(ExpressionStatementSyntax statement)
    {
        if (statement.Expression is CallExpressionSyntax call)
        {
            string name = call.Identifier.Text;
            var info = IsMacro(name) ? null : Builtins.BuiltinCatalog.FindFunction(name);
            if (info is { IsAggregation: true })
            {
                Report(SemanticDiagnostics.AggregationNotAssigned, call, name);
                return new BoundExpressionStatement(statement, new BoundError(call));
            }

            if (name == "delete")
            {
                return BindDelete(call);
            }
        }

        var expression = BindExpression(statement.Expression, allowVoid: true);
        return Record(statement, new BoundExpressionStatement(statement, expression));
    }

    private BoundStatement BindAssignment(AssignmentStatementSyntax assignment)
    {
        string op = assignment.OperatorToken.Text;
        var target = assignment.Target;

        if (target is IdentifierExpressionSyntax { Identifier.Text: "_" })
        {
            if (assignment.Value is CallExpressionSyntax { Identifier.Text: "delete" } deleteCall)
            {
                return BindDelete(deleteCall);
            }

            // `_ = e`: evaluate and discard.
            return Record(assignment, new BoundExpressionStatement(assignment, BindExpression(assignment.Value, allowVoid: true)));
        }

        if (target is MapExpressionSyntax map)
        {
            return BindMapAssignment(assignment, map, op);
        }

        if (target is VariableExpressionSyntax variable)
        {
            return BindVariableAssignment(assignment, variable.VariableToken, op, assignment.Value, null);
        }

        Report(SemanticDiagnostics.NotAssignable, target);
        BindExpression(assignment.Value, allowVoid: true);
        return new BoundExpressionStatement(assignment, new BoundError(assignment));
    }

    private BoundStatement BindMapAssignment(AssignmentStatementSyntax assignment, MapExpressionSyntax map, string op)
    {
        string name = MapName(map.MapToken);
        var key = BindMapKey(map);

        if (op == "=" && assignment.Value is CallExpressionSyntax call)
        {
            string function = call.Identifier.Text;
            var info = Builtins.BuiltinCatalog.FindFunction(function);
            if (info is { IsAggregation: true })
            {
                return BindAggregate(assignment, map, key, call, info);
            }

            if (function == "delete" && call.ArgumentList.Arguments.Count == 0)
            {
                var target = new BoundMapAccess(map, name, key, DeletedMapType(map, name));
                NoteMapKey(map, name, key);
                return Record(assignment, new BoundMapDelete(assignment, target));
            }
        }

        BoundExpression value;
        if (op == "=")
        {
            value = BindExpression(assignment.Value);
        }
        else
        {
            // `@x += v` on a map nobody assigned yet starts from 0, as in bpftrace.
            var current = GetMap(name).ValueType is null
                ? new BoundLiteral(map, IntegerType.Int64, 0)
                : BindMapRead(map, key);
            var right = BindExpression(assignment.Value);
            value = BindCompound(assignment, op, current, right);
        }

        if (value.Type.Kind == TypeKind.Void)
        {
            Report(SemanticDiagnostics.InvalidArgument, assignment.Value, "Cannot assign a value of type 'void' to a map");
            value = new BoundError(assignment.Value);
        }

        var valueType = NoteMapValue(map, name, TypeFacts.Widen(value.Type), assignment.Value);
        NoteMapKey(map, name, key);
        var access = Record(map, new BoundMapAccess(map, name, key, valueType));
        return Record(assignment, new BoundMapAssignment(assignment, access, value));
    }

    private BoundStatement BindAggregate(AssignmentStatementSyntax assignment, MapExpressionSyntax map, BoundExpression? key, CallExpressionSyntax call, Builtins.BuiltinInfo info)
    {
        string name = MapName(map.MapToken);
        string function = info.AliasOf ?? info.Name;
        var arguments = call.ArgumentList.Arguments;
        if (!CheckArgumentCount(call, info))
        {
            return new BoundExpressionStatement(assignment, new BoundError(call));
        }

        if (function == "tseries")
        {
            return BindTSeries(assignment, map, key, call, name);
        }

        BoundExpression? argument = null;
        if (arguments.Count > 0)
        {
            argument = BindExpression(arguments[0]);
            if (!TypeFacts.IsIntegerLike(argument.Type))
            {
                Report(SemanticDiagnostics.ExpectedInteger, arguments[0], $"{function}()", argument.Type);
            }
        }

        bool signed = argument is null || argument.Type is not IntegerType { IsSigned: false };
        AggregateType type;
        switch (function)
        {
            case "count": type = new AggregateType(AggregateKind.Count); break;
            case "sum": type = new AggregateType(AggregateKind.Sum, signed); break;
            case "min": type = new AggregateType(AggregateKind.Min, signed); break;
            case "max": type = new AggregateType(AggregateKind.Max, signed); break;
            case "avg": type = new AggregateType(AggregateKind.Avg, signed); break;
            case "stats": type = new AggregateType(AggregateKind.Stats, signed); break;
            case "hist":
                int bits = 0;
                if (arguments.Count == 2)
                {
                    if (BindExpression(arguments[1]).ConstantValue is not long k || k is < 0 or > 5)
                    {
                        Report(SemanticDiagnostics.InvalidArgument, arguments[1], "hist: bits must be an integer literal from 0 to 5");
                    }
                    else
                    {
                        bits = (int)k;
                    }
                }

                type = new AggregateType(AggregateKind.Hist, signed, histBits: bits);
                break;
            default:
                long[] values = new long[3];
                for (int i = 0; i < 3; i++)
                {
                    if (BindExpression(arguments[i + 1]).ConstantValue is long v)
                    {
                        values[i] = v;
                    }
                    else
                    {
                        Report(SemanticDiagnostics.ExpectedLiteral, arguments[i + 1], "lhist()", "integer for min, max and step");
                        return new BoundExpressionStatement(assignment, new BoundError(call));
                    }
                }

                if (values[2] <= 0 || values[1] <= values[0] || (values[1] - values[0]) / values[2] > 10000)
                {
                    Report(SemanticDiagnostics.InvalidArgument, call, "lhist: invalid min/max/step: step must be > 0, max > min, and at most 10000 buckets");
                    return new BoundExpressionStatement(assignment, new BoundError(call));
                }

                type = new AggregateType(AggregateKind.LHist, signed, min: values[0], max: values[1], step: values[2]);
                break;
        }

        var valueType = NoteMapValue(map, name, type, call);
        NoteMapKey(map, name, key);
        var access = Record(map, new BoundMapAccess(map, name, key, valueType));
        return Record(assignment, new BoundAggregateAssignment(assignment, access, type, argument));
    }

    private BoundStatement BindDelete(CallExpressionSyntax call)
    {
        if (BindDeleteTarget(call) is { } target)
        {
            return Record(call, new BoundMapDelete(call, target));
        }

        return new BoundExpressionStatement(call, new BoundError(call));
    }

    /// <summary>
    /// The element <c>delete(@m, k)</c>, <c>delete(@m[k])</c> or <c>delete(@m)</c> removes, or null (reported) when the
    /// arguments are not one of those forms.
    /// </summary>
    private BoundMapAccess? BindDeleteTarget(CallExpressionSyntax call)
    {
        var arguments = call.ArgumentList.Arguments;
        if (arguments.Count == 1 && arguments[0] is MapExpressionSyntax { Keys: not null } keyed)
        {
            var key = BindMapKey(keyed);
            NoteMapKey(keyed, MapName(keyed.MapToken), key);
            return Record(keyed, new BoundMapAccess(keyed, MapName(keyed.MapToken), key, DeletedMapType(keyed, MapName(keyed.MapToken))));
        }

        if (arguments.Count == 2 && arguments[0] is MapExpressionSyntax { Keys: null } map)
        {
            var key = BindExpression(arguments[1]);
            NoteMapKey(map, MapName(map.MapToken), key);
            return Record(map, new BoundMapAccess(map, MapName(map.MapToken), key, DeletedMapType(map, MapName(map.MapToken))));
        }

        if (arguments.Count == 1 && arguments[0] is MapExpressionSyntax { Keys: null } scalar)
        {
            NoteMapKey(scalar, MapName(scalar.MapToken), null);
            return Record(scalar, new BoundMapAccess(scalar, MapName(scalar.MapToken), null, DeletedMapType(scalar, MapName(scalar.MapToken))));
        }

        Report(SemanticDiagnostics.InvalidArgument, call, "delete() expects a map element: delete(@map, key) or delete(@map[key])");
        return null;
    }

    /// <summary>The value type of a map an element is deleted from; a map nobody assigns is an error, as in bpftrace.</summary>
    private BtType DeletedMapType(MapExpressionSyntax map, string name)
    {
        if (GetMapValueTypeForRead(name) is { } type)
        {
            return type;
        }

        Report(SemanticDiagnostics.UndefinedMap, map, name);
        return SimpleType.Error;
    }

    private BoundExpression BindCompound(SyntaxNode syntax, string op, BoundExpression current, BoundExpression right)
    {
        string binary = op[..^1];
        return BindBinaryOperator(syntax, binary, current, right);
    }

    private BoundStatement BindVariableAssignment(SyntaxNode syntax, SyntaxToken nameToken, string op, ExpressionSyntax valueSyntax, BtType? declaredType)
    {
        string name = nameToken.Text;
        var existing = _scope.Lookup(name);
        BoundExpression value;
        if (op == "=")
        {
            value = BindExpression(valueSyntax);
        }
        else
        {
            if (existing is null)
            {
                _undefinedVariableRead = true;
                Report(SemanticDiagnostics.UndefinedVariable, nameToken, name);
                BindExpression(valueSyntax);
                return new BoundExpressionStatement(syntax, new BoundError(syntax));
            }

            value = BindCompound(syntax, op, new BoundVariableAccess(syntax, existing), BindExpression(valueSyntax));
        }

        if (value.Type.Kind == TypeKind.Void)
        {
            Report(SemanticDiagnostics.InvalidArgument, valueSyntax, "Cannot assign a value of type 'void' to a variable");
            value = new BoundError(valueSyntax);
        }

        if (value.Type.IsAggregate)
        {
            Report(SemanticDiagnostics.AggregationNotAssigned, valueSyntax, value.Type.ToString());
        }

        var variable = existing ?? DeclareAssignedVariable(nameToken, declaredType ?? TypeFacts.Widen(value.Type));
        if (existing is null && declaredType is null)
        {
            _sizeofTypes[variable] = SizeofType(value);
        }

        if (existing is { TypeFromFirstAssignment: true } && op == "=")
        {
            existing.TypeFromFirstAssignment = false;
            existing.Type = TypeFacts.Widen(value.Type);
            _sizeofTypes[existing] = SizeofType(value);
        }
        else if (existing is not null)
        {
            var unified = TypeFacts.Unify(existing.Type, TypeFacts.Widen(value.Type));
            if (unified is null)
            {
                Report(SemanticDiagnostics.VariableTypeMismatch, valueSyntax, name, value.Type, existing.Type);
            }
            else if (!unified.Equals(existing.Type) && existing.Type is StringType && unified is StringType)
            {
                existing.Type = unified; // grow the buffer; later reads see the larger string
            }
        }

        _references.Add((nameToken, variable));
        return Record(syntax, new BoundVariableAssignment(syntax, variable, value));
    }

    private VariableSymbol DeclareVariable(SyntaxToken nameToken, BtType type)
    {
        var variable = new VariableSymbol(nameToken.Text, type, Loc(nameToken), _variableIds++);
        _scope.Declare(variable);
        return variable;
    }

    /// <summary>
    /// Declares a variable first assigned here: in the current block, or in the probe's scope for a variable that an
    /// old script reads after the block (see <see cref="ProbeScopedVariables"/>); macro bodies keep their own scope.
    /// </summary>
    private VariableSymbol DeclareAssignedVariable(SyntaxToken nameToken, BtType type)
    {
        if (_probeScopedVariables.Count == 0 || !_probeScopedVariables.ContainsKey(nameToken.Text) || !InProbeScope())
        {
            return DeclareVariable(nameToken, type);
        }

        var variable = new VariableSymbol(nameToken.Text, type, Loc(nameToken), _variableIds++);
        _probeScope.Declare(variable);
        return variable;
    }

    private bool InProbeScope()
    {
        for (var scope = _scope; scope is not null; scope = scope.Parent)
        {
            if (scope == _probeScope)
            {
                return true;
            }
        }

        return false;
    }

    private BoundStatement? BindVariableDeclaration(VariableDeclarationStatementSyntax declaration)
    {
        BtType? declared = declaration.Type is { } typeSyntax ? BindType(typeSyntax) : null;
        if (declaration.Initializer is { } initializer)
        {
            var saved = _scope.Lookup(declaration.VariableToken.Text);
            if (saved is not null)
            {
                // `let` shadows: declare a new variable in this scope.
                var fresh = DeclareVariable(declaration.VariableToken, declared ?? TypeFacts.Widen(BindExpression(initializer).Type));
                _references.Add((declaration.VariableToken, fresh));
                var initial = BindExpression(initializer);
                if (declared is null)
                {
                    _sizeofTypes[fresh] = SizeofType(initial);
                }

                return Record(declaration, new BoundVariableAssignment(declaration, fresh, initial));
            }

            return BindVariableAssignment(declaration, declaration.VariableToken, "=", initializer, declared);
        }

        var variable = DeclareVariable(declaration.VariableToken, declared ?? IntegerType.Int64);
        variable.TypeFromFirstAssignment = declared is null;
        _references.Add((declaration.VariableToken, variable));
        var zero = new BoundLiteral(declaration, variable.Type, 0);
        return Record(declaration, new BoundVariableAssignment(declaration, variable, zero));
    }

    private BoundStatement BindIf(IfStatementSyntax statement)
    {
        var condition = BindCondition(statement.Condition, "if condition");
        var then = BindBlock(statement.Body);
        BoundStatement? @else = null;
        if (statement.Else is { } elseClause)
        {
            @else = elseClause.Statement switch
            {
                BlockStatementSyntax block => BindBlock(block.Block),
                { } other => BindStatement(other),
            };
        }

        return Record(statement, new BoundIf(statement, condition, then, @else));
    }

    private BoundStatement BindWhile(WhileStatementSyntax statement)
    {
        var condition = BindCondition(statement.Condition, "while condition");
        _loopDepth++;
        var body = BindBlock(statement.Body);
        _loopDepth--;
        return Record(statement, new BoundWhile(statement, condition, body));
    }

    private BoundStatement BindUnroll(UnrollStatementSyntax statement)
    {
        var count = BindExpression(statement.Count);
        int n = 1;
        if (count.ConstantValue is not long value)
        {
            Report(SemanticDiagnostics.ExpectedLiteral, statement.Count, "unroll", "integer");
        }
        else if (value is < 1 or > 100)
        {
            Report(SemanticDiagnostics.UnrollBounds, statement.Count, value);
        }
        else
        {
            n = (int)value;
        }

        var body = BindBlock(statement.Body);
        return Record(statement, new BoundUnroll(statement, n, body));
    }

    private BoundStatement BindFor(ForStatementSyntax statement)
    {
        var saved = _scope;
        _scope = new Scope(_scope);
        BoundStatement result;
        if (statement.Iterable is RangeExpressionSyntax range)
        {
            var start = BindIntegerExpression(range.Start, "for range start");
            var end = BindIntegerExpression(range.End, "for range end");
            var variable = DeclareVariable(statement.VariableToken, IntegerType.Int64);
            _references.Add((statement.VariableToken, variable));
            _loopDepth++;
            var body = BindBlock(statement.Body);
            _loopDepth--;
            result = new BoundForRange(statement, variable, start, end, body);
        }
        else if (statement.Iterable is MapExpressionSyntax { Keys: null } map)
        {
            result = BindForMap(statement, map, saved);
        }
        else
        {
            Report(SemanticDiagnostics.ForNotIterable, statement.Iterable);
            BindBlock(statement.Body);
            result = new BoundExpressionStatement(statement, new BoundError(statement));
        }

        _scope = saved;
        return Record(statement, result);
    }

    private BoundStatement BindJump(StatementSyntax statement, BoundJumpKind kind, string keyword)
    {
        if (_loopDepth == 0)
        {
            Report(SemanticDiagnostics.JumpOutsideLoop, statement, keyword);
        }

        return Record(statement, new BoundJump(statement, kind));
    }
}
