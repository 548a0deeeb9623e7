using BtLang.Syntax;
using BtLang.Semantics.ProbeCatalog.Providers;
using System.Text;
using BtLang.Emit.Llvm;
using BtLang.Emit.Metadata;
using BtLang.Semantics.Binding;
using BtLang.Semantics.Builtins;
using BtLang.Semantics.Types;

namespace BtLang.Emit.CodeGen;

internal sealed partial class ProgramGenerator
{
    private CgValue EmitExpression(BoundExpression expression)
    {
        switch (expression)
        {
            case BoundLiteral literal:
                return EmitLiteral(literal);
            case BoundMapAccess map:
                return EmitMapRead(map);
            case BoundVariableAccess variable:
                return Load(VariableSlot(variable.Variable), variable.Variable.Type) is var v && v.IsMemory
                    ? v
                    : CgValue.Scalar(Normalize(v.Value, IntegerType.Int64, variable.Type));
            case BoundBuiltin builtin:
                return EmitBuiltin(builtin);
            case BoundCall call:
                return EmitCall(call);
            case BoundBinary binary:
                return CgValue.Scalar(EmitBinary(binary));
            case BoundUnary unary:
                return EmitUnary(unary);
            case BoundIncrement increment:
                return CgValue.Scalar(EmitIncrement(increment));
            case BoundConditional conditional:
                return EmitConditional(conditional);
            case BoundTuple tuple:
                return EmitTuple(tuple);
            case BoundCast cast:
                return EmitCast(cast);
            case BoundTupleIndex index:
                var tupleValue = EmitExpression(index.Operand);
                var tupleType = (TupleType)index.Operand.Type;
                return Load(_b.ByteOffset(tupleValue.Value, tupleType.Offsets[index.Index]), tupleType.Elements[index.Index]);
            case BoundFieldAccess field:
                return EmitFieldAccess(field);
            case BoundArrayIndex element:
                return EmitArrayIndex(element);
            case BoundBlockExpression block:
                foreach (var statement in block.Statements)
                {
                    EmitStatement(statement);
                }

                return block.Value is { } value ? EmitExpression(value) : CgValue.Scalar(_c.ConstI64(0));
            case BoundError:
                return CgValue.Scalar(_c.ConstI64(0));
            default:
                NotSupported(expression.Syntax, $"'{expression.Syntax}'");
                return IsScalar(expression.Type) ? CgValue.Scalar(_c.ConstI64(0)) : CgValue.Memory(ZeroedTemp(expression.Type.Size));
        }
    }

    private LlvmValue EmitScalar(BoundExpression expression)
    {
        var value = EmitExpression(expression);
        return value.IsMemory ? Load(value.Value, expression.Type).Value : value.Value;
    }

    /// <summary>An i1 that is true when the expression is non-zero (strings: non-empty).</summary>
    private LlvmValue EmitCondition(BoundExpression expression)
    {
        if (expression.Type is StringType)
        {
            var text = EmitExpression(expression);
            return _b.ICmp(LlvmIntPredicate.NotEqual, _b.Load(I8, text.Value, 1), _c.ConstI8(0));
        }

        return IsTrue(EmitScalar(expression));
    }

    private CgValue EmitLiteral(BoundLiteral literal)
    {
        if (literal.StringValue is { } text)
        {
            var bytes = StringLiteralBytes.GetBytes(text);
            var type = (StringType)literal.Type;
            var memory = ZeroedTemp(type.Capacity);
            WriteBytes(memory, bytes);
            return CgValue.Memory(memory);
        }

        return CgValue.Scalar(_c.ConstInt(I64, literal.IntegerValue));
    }

    /// <summary>Writes constant bytes with 8-byte stores (no .rodata needed); the tail is already zero.</summary>
    private void WriteBytes(LlvmValue memory, ReadOnlySpan<byte> bytes)
    {
        for (int offset = 0; offset < bytes.Length; offset += 8)
        {
            ulong word = 0;
            for (int i = 0; i < 8 && offset + i < bytes.Length; i++)
            {
                word |= (ulong)bytes[offset + i] << (8 * i);
            }

            if (word != 0)
            {
                _b.Store(_c.ConstInt(I64, word), _b.ByteOffset(memory, offset), 8);
            }
        }
    }

    private CgValue EmitBuiltin(BoundBuiltin builtin)
    {
        switch (builtin.Builtin)
        {
            case BuiltinVariable.Pid:
                // Opaque to InstCombine, which would turn `pid == N` into a 64-bit mask and compare (7 BPF
                // instructions instead of 3), and `tid` into two shifts instead of one 32-bit move.
                return CgValue.Scalar(_b.Passthrough(_b.LShr(PidTgid(), _c.ConstI64(32))));
            case BuiltinVariable.Tid:
                return CgValue.Scalar(_b.ZExt(_b.Passthrough(_b.Trunc(PidTgid(), I32)), I64));
            case BuiltinVariable.Uid:
                return CgValue.Scalar(_b.And(Helper(BpfHelper.GetCurrentUidGid, I64), _c.ConstI64(0xffffffff)));
            case BuiltinVariable.Gid:
                return CgValue.Scalar(_b.LShr(Helper(BpfHelper.GetCurrentUidGid, I64), _c.ConstI64(32)));
            case BuiltinVariable.Nsecs:
                return CgValue.Scalar(builtin.Index switch
                {
                    1 => Helper(BpfHelper.KtimeGetNs, I64),
                    2 or 3 => Helper(BpfHelper.KtimeGetTaiNs, I64),
                    _ => Helper(BpfHelper.KtimeGetBootNs, I64),
                });
            case BuiltinVariable.Elapsed:
                var start = _b.Load(I64, _b.ByteOffset(Config, RuntimeConfig.StartBootNsOffset), 8);
                return CgValue.Scalar(_b.Sub(Helper(BpfHelper.KtimeGetBootNs, I64), start));
            case BuiltinVariable.Cpu:
                return CgValue.Scalar(_b.ZExt(Helper(BpfHelper.GetSmpProcessorId, I32), I64));
            case BuiltinVariable.Ncpus:
                return CgValue.Scalar(_b.Load(I64, _b.ByteOffset(Config, RuntimeConfig.CpuCountOffset), 8));
            case BuiltinVariable.Cpid:
                return CgValue.Scalar(_b.Load(I64, _b.ByteOffset(Config, RuntimeConfig.ChildPidOffset), 8));
            case BuiltinVariable.NumaId:
                return CgValue.Scalar(_b.ZExt(Helper(BpfHelper.GetNumaNodeId, I32), I64));
            case BuiltinVariable.Comm:
                var comm = ZeroedTemp(16);
                Helper(BpfHelper.GetCurrentComm, I64, comm, _c.ConstI32(16));
                return CgValue.Memory(comm);
            case BuiltinVariable.Rand:
                return CgValue.Scalar(_b.ZExt(Helper(BpfHelper.GetPrandomU32, I32), I64));
            case BuiltinVariable.Cgroup:
                return CgValue.Scalar(Helper(BpfHelper.GetCurrentCgroupId, I64));
            case BuiltinVariable.Jiffies:
                return CgValue.Scalar(Helper(BpfHelper.Jiffies64, I64));
            case BuiltinVariable.UserName:
                return CgValue.Scalar(_b.And(Helper(BpfHelper.GetCurrentUidGid, I64), _c.ConstI64(0xffffffff)));
            case BuiltinVariable.Curtask:
                return CgValue.Scalar(Helper(BpfHelper.GetCurrentTask, I64));
            case BuiltinVariable.Probe:
                return CgValue.Scalar(_c.ConstI64(_probeNameIndex));
            case BuiltinVariable.Context:
                return CgValue.Scalar(_b.PtrToInt(_program.Context, I64));
            case BuiltinVariable.KernelStack:
                return CgValue.Scalar(Helper(BpfHelper.GetStackId, I64, _program.Context, _gen.KernelStackMap, _c.ConstI64(0)));
            case BuiltinVariable.UserStack:
                var stack = ZeroedTemp(16);
                _b.Store(Helper(BpfHelper.GetStackId, I64, _program.Context, _gen.UserStackMap, _c.ConstI64(256)), stack, 8);
                _b.Store(_b.Trunc(_b.LShr(PidTgid(), _c.ConstI64(32)), I32), _b.ByteOffset(stack, 8), 4);
                return CgValue.Memory(stack);
            case BuiltinVariable.Argument:
                return CgValue.Scalar(EmitArgument(builtin));
            case BuiltinVariable.Retval:
                return CgValue.Scalar(_b.Load(I64, _b.ByteOffset(_program.Context, 80), 8));
            case BuiltinVariable.Func:
                var ip = _probe.Provider is ProbeProviderKind.Kprobe or ProbeProviderKind.Fentry or ProbeProviderKind.Fexit or ProbeProviderKind.Kretprobe
                    ? Helper(BpfHelper.GetFuncIp, I64, _program.Context)
                    : _b.Load(I64, _b.ByteOffset(_program.Context, 128), 8);
                if (builtin.Type.Kind == TypeKind.UserSymbol)
                {
                    var symbol = ZeroedTemp(16);
                    _b.Store(ip, symbol, 8);
                    _b.Store(_b.Trunc(_b.LShr(PidTgid(), _c.ConstI64(32)), I32), _b.ByteOffset(symbol, 8), 4);
                    return CgValue.Memory(symbol);
                }

                return CgValue.Scalar(ip);
            default:
                NotSupported(builtin.Syntax, builtin.Builtin.ToString().ToLowerInvariant());
                return IsScalar(builtin.Type) ? CgValue.Scalar(_c.ConstI64(0)) : CgValue.Memory(ZeroedTemp(builtin.Type.Size));
        }
    }

    /// <summary>argN: pt_regs registers (x86-64 calling convention) for kprobes/uprobes; the u64 array for raw tracepoints.</summary>
    private LlvmValue EmitArgument(BoundBuiltin builtin)
    {
        int n = builtin.Index;
        if (_probe.Provider == ProbeProviderKind.RawTracepoint)
        {
            return _b.Load(I64, _b.ByteOffset(_program.Context, n * 8), 8);
        }

        if (_probe.Provider == ProbeProviderKind.Usdt)
        {
            return EmitUsdtArgument(n);
        }

        // struct pt_regs: r15 r14 r13 r12 bp bx r11 r10 r9 r8 ax cx dx si di orig_ax ip cs flags sp ss
        int[] offsets = { 14 * 8, 13 * 8, 12 * 8, 11 * 8, 9 * 8, 8 * 8 };
        if (n < offsets.Length)
        {
            return _b.Load(I64, _b.ByteOffset(_program.Context, offsets[n]), 8);
        }

        // Further arguments are on the user/kernel stack: sp + 8 * (n - 5).
        var sp = _b.Load(I64, _b.ByteOffset(_program.Context, 19 * 8), 8);
        var slot = StackSlot(I64, "stack_arg");
        _b.Store(_c.ConstI64(0), slot, 8);
        var address = _b.IntToPtr(_b.Add(sp, _c.ConstI64(8 * (n - 5))));
        Helper(ProviderFacts.IsUserProbe(_probe.Provider) ? BpfHelper.ProbeReadUser : BpfHelper.ProbeReadKernel, I64, slot, _c.ConstI32(8), address);
        return _b.Load(I64, slot, 8);
    }

    private LlvmValue EmitBinary(BoundBinary binary)
    {
        switch (binary.Operator)
        {
            case BinaryOperator.LogicalAnd:
            case BinaryOperator.LogicalOr:
                return EmitShortCircuit(binary);
        }

        if (binary.IsStringComparison)
        {
            var equal = EmitStringEquals(binary.Left, binary.Right);
            return ToI64(binary.Operator == BinaryOperator.Equal ? equal : _b.Not(equal));
        }

        var left = EmitScalar(binary.Left);
        var right = EmitScalar(binary.Right);
        bool signed = binary.IsSigned;
        switch (binary.Operator)
        {
            case BinaryOperator.Add: return _b.Add(left, right);
            case BinaryOperator.Subtract: return _b.Sub(left, right);
            case BinaryOperator.Multiply: return _b.Mul(left, right);
            case BinaryOperator.Divide: return SafeDivide(left, right, signed);
            case BinaryOperator.Modulo: return SafeModulo(left, right, signed);
            case BinaryOperator.LeftShift: return _b.Shl(left, _b.And(right, _c.ConstI64(63)));
            case BinaryOperator.RightShift: return signed ? _b.AShr(left, _b.And(right, _c.ConstI64(63))) : _b.LShr(left, _b.And(right, _c.ConstI64(63)));
            case BinaryOperator.BitwiseAnd: return _b.And(left, right);
            case BinaryOperator.BitwiseOr: return _b.Or(left, right);
            case BinaryOperator.BitwiseXor: return _b.Xor(left, right);
        }

        var predicate = binary.Operator switch
        {
            BinaryOperator.Equal => LlvmIntPredicate.Equal,
            BinaryOperator.NotEqual => LlvmIntPredicate.NotEqual,
            BinaryOperator.Less => signed ? LlvmIntPredicate.SignedLess : LlvmIntPredicate.UnsignedLess,
            BinaryOperator.LessOrEqual => signed ? LlvmIntPredicate.SignedLessOrEqual : LlvmIntPredicate.UnsignedLessOrEqual,
            BinaryOperator.Greater => signed ? LlvmIntPredicate.SignedGreater : LlvmIntPredicate.UnsignedGreater,
            _ => signed ? LlvmIntPredicate.SignedGreaterOrEqual : LlvmIntPredicate.UnsignedGreaterOrEqual,
        };
        return ToI64(_b.ICmp(predicate, left, right));
    }

    /// <summary>
    /// Division by zero yields 0 (as the BPF instruction does), instead of LLVM's undefined behaviour. BPF before
    /// cpu v4 has no signed division, so signed operands are divided as magnitudes and the sign put back.
    /// </summary>
    private LlvmValue SafeDivide(LlvmValue left, LlvmValue right, bool signed)
    {
        var isZero = _b.ICmp(LlvmIntPredicate.Equal, right, _c.ConstI64(0));
        var divisor = _b.Select(isZero, _c.ConstI64(1), right);
        LlvmValue quotient;
        if (signed)
        {
            var negative = _b.Xor(IsNegative(left), IsNegative(divisor));
            var magnitude = _b.UDiv(Absolute(left), Absolute(divisor));
            quotient = _b.Select(negative, _b.Neg(magnitude), magnitude);
        }
        else
        {
            quotient = _b.UDiv(left, divisor);
        }

        return _b.Select(isZero, _c.ConstI64(0), quotient);
    }

    private LlvmValue SafeModulo(LlvmValue left, LlvmValue right, bool signed)
    {
        var isZero = _b.ICmp(LlvmIntPredicate.Equal, right, _c.ConstI64(0));
        var divisor = _b.Select(isZero, _c.ConstI64(1), right);
        LlvmValue remainder;
        if (signed)
        {
            // C semantics: the remainder takes the sign of the dividend.
            var magnitude = _b.URem(Absolute(left), Absolute(divisor));
            remainder = _b.Select(IsNegative(left), _b.Neg(magnitude), magnitude);
        }
        else
        {
            remainder = _b.URem(left, divisor);
        }

        return _b.Select(isZero, _c.ConstI64(0), remainder);
    }

    private LlvmValue IsNegative(LlvmValue value) => _b.ICmp(LlvmIntPredicate.SignedLess, value, _c.ConstI64(0));

    private LlvmValue Absolute(LlvmValue value) => _b.Select(IsNegative(value), _b.Neg(value), value);

    private LlvmValue EmitShortCircuit(BoundBinary binary)
    {
        bool isAnd = binary.Operator == BinaryOperator.LogicalAnd;
        var result = StackSlot(I64, isAnd ? "and" : "or");
        var left = EmitCondition(binary.Left);
        _b.Store(ToI64(left), result, 8);
        var right = NewBlock(isAnd ? "and_rhs" : "or_rhs");
        var done = NewBlock(isAnd ? "and_done" : "or_done");
        if (isAnd)
        {
            _b.CondBr(left, right, done);
        }
        else
        {
            _b.CondBr(left, done, right);
        }

        _b.PositionAtEnd(right);
        _b.Store(ToI64(EmitCondition(binary.Right)), result, 8);
        _b.Br(done);
        _b.PositionAtEnd(done);
        return _b.Load(I64, result, 8);
    }

    /// <summary>
    /// String equality up to the first NUL, over at most the smaller capacity. With a literal on one side only its
    /// bytes (and the NUL) are compared, fully unrolled; otherwise a bounded loop compares byte by byte.
    /// </summary>
    private LlvmValue EmitStringEquals(BoundExpression leftExpression, BoundExpression rightExpression)
    {
        if (rightExpression is BoundLiteral { StringValue: { } literal })
        {
            return EmitStringEqualsLiteral(EmitExpression(leftExpression).Value, ((StringType)leftExpression.Type).Capacity, literal);
        }

        if (leftExpression is BoundLiteral { StringValue: { } literal2 })
        {
            return EmitStringEqualsLiteral(EmitExpression(rightExpression).Value, ((StringType)rightExpression.Type).Capacity, literal2);
        }

        var left = EmitExpression(leftExpression).Value;
        var right = EmitExpression(rightExpression).Value;
        int n = Math.Min(((StringType)leftExpression.Type).Capacity, ((StringType)rightExpression.Type).Capacity);
        var result = StackSlot(I64, "streq");
        var index = StackSlot(I64, "streq_i");
        _b.Store(_c.ConstI64(1), result, 8);
        _b.Store(_c.ConstI64(0), index, 8);
        var head = NewBlock("streq_head");
        var body = NewBlock("streq_body");
        var differ = NewBlock("streq_differ");
        var next = NewBlock("streq_next");
        var done = NewBlock("streq_done");
        _b.Br(head);
        _b.PositionAtEnd(head);
        var i = _b.Load(I64, index, 8);
        _b.CondBr(_b.ICmp(LlvmIntPredicate.UnsignedLess, i, _c.ConstI64(n)), body, done);
        _b.PositionAtEnd(body);
        var bounded = _b.And(i, _c.ConstI64(MaskFor(n)));
        var a = _b.Load(I8, _b.Gep(I8, left, [bounded]), 1);
        var b = _b.Load(I8, _b.Gep(I8, right, [bounded]), 1);
        _b.CondBr(_b.ICmp(LlvmIntPredicate.NotEqual, a, b), differ, next);
        _b.PositionAtEnd(differ);
        _b.Store(_c.ConstI64(0), result, 8);
        _b.Br(done);
        _b.PositionAtEnd(next);
        _b.Store(_b.Add(i, _c.ConstI64(1)), index, 8);
        _b.CondBr(_b.ICmp(LlvmIntPredicate.Equal, a, _c.ConstI8(0)), done, head);
        _b.PositionAtEnd(done);
        return _b.ICmp(LlvmIntPredicate.NotEqual, _b.Load(I64, result, 8), _c.ConstI64(0));
    }

    private static long MaskFor(int n)
    {
        long mask = 1;
        while (mask < n)
        {
            mask <<= 1;
        }

        return mask - 1;
    }

    private LlvmValue EmitStringEqualsLiteral(LlvmValue text, int capacity, string literal)
    {
        var bytes = StringLiteralBytes.GetBytes(literal);
        if (bytes.Length >= capacity)
        {
            // The literal cannot fit with its NUL: compare the first capacity-1 bytes and require the NUL there.
            bytes = bytes[..Math.Max(0, capacity - 1)];
        }

        LlvmValue equal = _c.ConstBool(true);
        for (int i = 0; i <= bytes.Length && i < capacity; i++)
        {
            byte expected = i < bytes.Length ? bytes[i] : (byte)0;
            var actual = _b.Load(I8, _b.ByteOffset(text, i), 1);
            equal = _b.And(equal, _b.ICmp(LlvmIntPredicate.Equal, actual, _c.ConstInt(I8, expected)));
        }

        return equal;
    }

    private CgValue EmitUnary(BoundUnary unary)
    {
        switch (unary.Operator)
        {
            case UnaryOperator.Negate:
                return CgValue.Scalar(_b.Neg(EmitScalar(unary.Operand)));
            case UnaryOperator.Plus:
                return CgValue.Scalar(EmitScalar(unary.Operand));
            case UnaryOperator.BitwiseNot:
                return CgValue.Scalar(Normalize(_b.Not(EmitScalar(unary.Operand)), IntegerType.Int64, unary.Type));
            case UnaryOperator.LogicalNot:
                return CgValue.Scalar(ToI64(_b.Not(EmitCondition(unary.Operand))));
            case UnaryOperator.Dereference:
                var address = _b.IntToPtr(EmitScalar(unary.Operand));
                var type = unary.Type;
                var memory = ZeroedTemp(Math.Max(type.Size, 8));
                Helper(ReadHelper(unary.Operand.Type), I64, memory, _c.ConstI32(Math.Max(1, type.Size)), address);
                return Load(memory, type);
            case UnaryOperator.AddressOf:
                return CgValue.Scalar(EmitAddressOf(unary.Operand));
            default:
                NotSupported(unary.Syntax, unary.Operator.ToString());
                return CgValue.Scalar(_c.ConstI64(0));
        }
    }

    private LlvmValue EmitIncrement(BoundIncrement increment)
    {
        var delta = _c.ConstI64(increment.IsIncrement ? 1 : -1);
        if (increment.Target is BoundVariableAccess variable)
        {
            var slot = VariableSlot(variable.Variable);
            var old = _b.Load(I64, slot, 8);
            var updated = Normalize(_b.Add(old, delta), IntegerType.Int64, variable.Type);
            _b.Store(updated, slot, 8);
            return increment.IsPrefix ? updated : old;
        }

        var map = (BoundMapAccess)increment.Target;
        ForgetMapReads();
        var layout = _gen.Maps[map.MapName];
        var key = BuildKey(layout, map.Key, null);
        var pointer = MapLookup(layout.Global, key);
        var result = StackSlot(I64, "incr");
        var exists = NewBlock("incr_exists");
        var missing = NewBlock("incr_missing");
        var done = NewBlock("incr_done");
        _b.CondBr(_b.ICmp(LlvmIntPredicate.NotEqual, pointer, _c.Null), exists, missing);

        _b.PositionAtEnd(exists);
        var current = Load(pointer, layout.ValueType).Value;
        var next = _b.Add(current, delta);
        Store(CgValue.Scalar(next), IntegerType.Int64, layout.ValueType, pointer);
        _b.Store(increment.IsPrefix ? next : current, result, 8);
        _b.Br(done);

        _b.PositionAtEnd(missing);
        var fresh = MapSlot("map_value", layout.ValueSize);
        Store(CgValue.Scalar(delta), IntegerType.Int64, layout.ValueType, fresh);
        MapUpdate(layout.Global, key, fresh);
        _b.Store(increment.IsPrefix ? delta : _c.ConstI64(0), result, 8);
        _b.Br(done);

        _b.PositionAtEnd(done);
        return _b.Load(I64, result, 8);
    }

    private CgValue EmitConditional(BoundConditional conditional)
    {
        var condition = EmitCondition(conditional.Condition);
        var then = NewBlock("cond_true");
        var @else = NewBlock("cond_false");
        var done = NewBlock("cond_done");
        var type = conditional.Type;
        bool scalar = IsScalar(type);
        var result = scalar ? StackSlot(I64, "cond") : ZeroedTemp(type.Size);
        _b.CondBr(condition, then, @else);

        void Branch(LlvmBlock block, BoundExpression value)
        {
            _b.PositionAtEnd(block);
            var v = EmitExpression(value);
            if (scalar)
            {
                _b.Store(v.IsMemory ? Load(v.Value, value.Type).Value : v.Value, result, 8);
            }
            else
            {
                Store(v, value.Type, type, result);
            }

            _b.Br(done);
        }

        Branch(then, conditional.WhenTrue);
        Branch(@else, conditional.WhenFalse);
        _b.PositionAtEnd(done);
        return scalar ? CgValue.Scalar(_b.Load(I64, result, 8)) : CgValue.Memory(result);
    }

    private CgValue EmitTuple(BoundTuple tuple)
    {
        var type = tuple.TupleType;
        var memory = ZeroedTemp(type.Size);
        for (int i = 0; i < tuple.Elements.Length; i++)
        {
            var element = tuple.Elements[i];
            Store(EmitExpression(element), element.Type, type.Elements[i], _b.ByteOffset(memory, type.Offsets[i]));
        }

        return CgValue.Memory(memory);
    }

    private CgValue EmitCast(BoundCast cast)
    {
        var value = EmitExpression(cast.Operand);
        if (IsScalar(cast.Type))
        {
            var scalar = value.IsMemory ? Load(value.Value, cast.Operand.Type).Value : value.Value;
            return CgValue.Scalar(Normalize(scalar, cast.Operand.Type, cast.Type));
        }

        var memory = ZeroedTemp(cast.Type.Size);
        if (value.IsMemory)
        {
            CopyMemory(memory, value.Value, _c.ConstI64(Math.Min(cast.Type.Size, cast.Operand.Type.Size)), sourceAlignment: 1);
        }
        else
        {
            Store(value, cast.Operand.Type, IntegerType.Get(Math.Min(8, cast.Type.Size) * 8, false), memory);
        }

        return CgValue.Memory(memory);
    }

    /// <summary>
    /// <c>args.field</c> of a tracepoint: a direct load from the context record; <c>__data_loc</c> strings are
    /// read from the record at the offset the field holds. Kernel struct fields through pointers come with BTF.
    /// </summary>
    private CgValue EmitFieldAccess(BoundFieldAccess field)
    {
        var member = field.Member;
        if (field.Operand.Type.Kind != TypeKind.Context)
        {
            return EmitStructMember(field);
        }

        var address = _b.ByteOffset(_program.Context, member.Offset);
        if (member.IsDataLoc)
        {
            var type = (StringType)field.Type;
            var memory = ZeroedTemp(type.Capacity);
            var location = _b.ZExt(_b.Load(I32, address, 4), I64);
            var offset = _b.And(location, _c.ConstI64(0xffff));
            var length = _b.LShr(location, _c.ConstI64(16));
            // The context pointer cannot be offset by a run-time value: read through its address as an integer.
            var source = _b.IntToPtr(_b.Add(_b.PtrToInt(_program.Context, I64), offset));
            var size = _b.Select(_b.ICmp(LlvmIntPredicate.UnsignedGreater, length, _c.ConstI64(type.Capacity)), _c.ConstI64(type.Capacity), length);
            Helper(BpfHelper.ProbeReadKernelStr, I64, memory, _b.Trunc(size, I32), source);
            return CgValue.Memory(memory);
        }

        if (IsScalar(field.Type))
        {
            return Load(address, field.Type);
        }

        var copy = ZeroedTemp(field.Type.Size);
        CopyMemory(copy, address, _c.ConstI64(field.Type.Size), sourceAlignment: 1);
        return CgValue.Memory(copy);
    }

    /// <summary>
    /// A member of a kernel or user struct: through a pointer it is read with a probe read at pointer + offset
    /// (chains like <c>curtask->parent->pid</c> read one pointer per step); from a struct value in memory it is
    /// at the member's offset. Bitfields are shifted and masked out of their containing bytes.
    /// </summary>
    private CgValue EmitStructMember(BoundFieldAccess field)
    {
        var member = field.Member;
        int size = member.BitFieldSize > 0 ? (member.BitFieldOffset + member.BitFieldSize + 7) / 8 : Math.Max(1, field.Type.Size);
        LlvmValue source;
        if (field.ThroughPointer)
        {
            var pointer = EmitScalar(field.Operand);
            var memory = ZeroedTemp(Math.Max(size, 8));
            var address = _b.IntToPtr(_b.Add(pointer, _c.ConstI64(member.Offset)));
            Helper(ReadHelper(field.Operand.Type), I64, memory, _c.ConstI32(size), address);
            source = memory;
        }
        else
        {
            var value = EmitExpression(field.Operand);
            source = _b.ByteOffset(value.Value, member.Offset);
            if (member.BitFieldSize == 0 && !IsScalar(field.Type))
            {
                return CgValue.Memory(source);
            }

            if (member.BitFieldSize > 0)
            {
                var copy = ZeroedTemp(8);
                CopyMemory(copy, source, _c.ConstI64(size), sourceAlignment: 1);
                source = copy;
            }
        }

        if (member.BitFieldSize > 0)
        {
            var word = _b.Load(I64, source, 8);
            var shifted = _b.LShr(word, _c.ConstI64(member.BitFieldOffset));
            var mask = member.BitFieldSize >= 64 ? ulong.MaxValue : (1UL << member.BitFieldSize) - 1;
            return CgValue.Scalar(_b.And(shifted, _c.ConstInt(I64, mask)));
        }

        return Load(source, field.Type);
    }
}
