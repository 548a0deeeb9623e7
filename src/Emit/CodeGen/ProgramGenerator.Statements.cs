using BtLang.Emit.Llvm;
using BtLang.Semantics.Binding;
using BtLang.Semantics.Types;

namespace BtLang.Emit.CodeGen;

internal sealed partial class ProgramGenerator
{
    private void EmitBlock(BoundBlock block)
    {
        foreach (var statement in block.Statements)
        {
            if (_b.IsTerminated)
            {
                // Code after break/continue/return is unreachable; give it a block of its own so LLVM accepts it.
                _b.PositionAtEnd(NewBlock("dead"));
            }

            int mark = _scratchOffset;
            EmitStatement(statement);
            _scratchOffset = mark;
        }
    }

    private void EmitStatement(BoundStatement statement)
    {
        SetLocation(statement.Syntax);
        switch (statement)
        {
            case BoundBlock block:
                EmitBlock(block);
                break;
            case BoundExpressionStatement expression:
                EmitExpression(expression.Expression);
                break;
            case BoundMapAssignment assignment:
                EmitMapAssignment(assignment);
                break;
            case BoundAggregateAssignment aggregate:
                EmitAggregate(aggregate);
                break;
            case BoundMapDelete delete:
                var layout = _gen.Maps[delete.Target.MapName];
                if (layout.BucketInKey)
                {
                    EmitBucketedDelete(layout, delete.Target.Key);
                }
                else
                {
                    MapDelete(layout.Global, BuildKey(layout, delete.Target.Key, null));
                }

                break;
            case BoundVariableAssignment assignment:
                EmitVariableAssignment(assignment);
                break;
            case BoundIf @if:
                EmitIf(@if);
                break;
            case BoundWhile @while:
                EmitWhile(@while);
                break;
            case BoundUnroll unroll:
                for (int i = 0; i < unroll.Count; i++)
                {
                    EmitBlock(unroll.Body);
                }

                break;
            case BoundForRange range:
                EmitForRange(range);
                break;
            case BoundForMap map:
                EmitForMap(map);
                break;
            case BoundJump jump:
                EmitJump(jump);
                break;
            default:
                NotSupported(statement.Syntax, statement.GetType().Name);
                break;
        }
    }

    private void EmitMapAssignment(BoundMapAssignment assignment)
    {
        var layout = _gen.Maps[assignment.Target.MapName];
        var value = EmitExpression(assignment.Value);
        var key = BuildKey(layout, assignment.Target.Key, null);
        var slot = MapSlot("map_value", layout.ValueSize);
        Store(value, assignment.Value.Type, layout.ValueType, slot);
        MapUpdate(layout.Global, key, slot);
    }

    private void EmitVariableAssignment(BoundVariableAssignment assignment)
    {
        var slot = VariableSlot(assignment.Variable);
        var value = EmitExpression(assignment.Value);
        var type = assignment.Variable.Type;
        if (IsScalar(type))
        {
            var scalar = value.IsMemory ? Load(value.Value, assignment.Value.Type).Value : value.Value;
            _b.Store(Normalize(scalar, assignment.Value.Type, type), slot, 8);
            return;
        }

        if (!assignment.Value.Type.Equals(type))
        {
            ZeroMemory(slot, (ulong)MapLayout.Align8(type.Size));
        }

        Store(value, assignment.Value.Type, type, slot);
    }

    /// <summary>Re-extends an i64 after a conversion to a narrower integer type (casts, stores to typed variables).</summary>
    private LlvmValue Normalize(LlvmValue scalar, BtType from, BtType to)
    {
        if (to is IntegerType { Bits: < 64 } target && !from.Equals(to))
        {
            var narrowed = _b.Trunc(scalar, _c.Int(target.Bits));
            return target.IsSigned ? _b.SExt(narrowed, I64) : _b.ZExt(narrowed, I64);
        }

        if (to.Kind == TypeKind.Bool && from.Kind != TypeKind.Bool)
        {
            return ToI64(IsTrue(scalar));
        }

        return scalar;
    }

    private void EmitIf(BoundIf @if)
    {
        var condition = EmitCondition(@if.Condition);
        var then = NewBlock("if_then");
        var @else = NewBlock("if_else");
        var done = NewBlock("if_done");
        _b.CondBr(condition, then, @else);

        _b.PositionAtEnd(then);
        EmitBlock(@if.Then);
        if (!_b.IsTerminated)
        {
            _b.Br(done);
        }

        _b.PositionAtEnd(@else);
        if (@if.Else is { } elseStatement)
        {
            int mark = _scratchOffset;
            EmitStatement(elseStatement);
            _scratchOffset = mark;
        }

        if (!_b.IsTerminated)
        {
            _b.Br(done);
        }

        _b.PositionAtEnd(done);
    }

    private void EmitWhile(BoundWhile @while)
    {
        // A read remembered before the loop may be stale in a later iteration after a write in the body.
        ForgetMapReads();
        var head = NewBlock("while_cond");
        var body = NewBlock("while_body");
        var done = NewBlock("while_done");
        _b.Br(head);
        _b.PositionAtEnd(head);
        int mark = _scratchOffset;
        var condition = EmitCondition(@while.Condition);
        _scratchOffset = mark;
        _b.CondBr(condition, body, done);
        _b.PositionAtEnd(body);
        _loops.Push((done, head));
        EmitBlock(@while.Body);
        _loops.Pop();
        if (!_b.IsTerminated)
        {
            _b.Br(head);
        }

        _b.PositionAtEnd(done);
    }

    private void EmitForRange(BoundForRange range)
    {
        ForgetMapReads();
        var slot = VariableSlot(range.Variable);
        var start = EmitScalar(range.Start);
        var end = EmitScalar(range.End);
        var endSlot = StackSlot(I64, "range_end");
        _b.Store(end, endSlot, 8);
        _b.Store(start, slot, 8);
        var head = NewBlock("for_cond");
        var body = NewBlock("for_body");
        var step = NewBlock("for_step");
        var done = NewBlock("for_done");
        _b.Br(head);
        _b.PositionAtEnd(head);
        var current = _b.Load(I64, slot, 8);
        _b.CondBr(_b.ICmp(LlvmIntPredicate.SignedLess, current, _b.Load(I64, endSlot, 8)), body, done);
        _b.PositionAtEnd(body);
        _loops.Push((done, step));
        EmitBlock(range.Body);
        _loops.Pop();
        if (!_b.IsTerminated)
        {
            _b.Br(step);
        }

        _b.PositionAtEnd(step);
        _b.Store(_b.Add(_b.Load(I64, slot, 8), _c.ConstI64(1)), slot, 8);
        _b.Br(head);
        _b.PositionAtEnd(done);
    }

    private void EmitJump(BoundJump jump)
    {
        switch (jump.JumpKind)
        {
            case BoundJumpKind.Return:
                _b.Br(_return);
                break;
            case BoundJumpKind.Break when _loops.Count > 0:
                _b.Br(_loops.Peek().Break);
                break;
            case BoundJumpKind.Continue when _loops.Count > 0:
                _b.Br(_loops.Peek().Continue);
                break;
        }
    }
}
