using System.Collections.Immutable;
using System.Globalization;
using BtLang.Semantics.Builtins;
using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal sealed partial class Binder
{
    private int _depth;

    private BoundExpression BindExpression(ExpressionSyntax syntax, bool allowVoid = false)
    {
        // Deeply nested input must produce a diagnostic, never a stack overflow.
        if (++_depth > 500 || !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            _depth--;
            Report(SemanticDiagnostics.InvalidArgument, syntax, "Expression is nested too deeply");
            return new BoundError(syntax);
        }

        try
        {
            var bound = BindExpressionCore(syntax);
            if (!allowVoid && bound.Type.Kind == TypeKind.Void)
            {
                Report(SemanticDiagnostics.InvalidArgument, syntax, "This expression has no value (void) and cannot be used here");
                return new BoundError(syntax);
            }

            return Record(syntax, bound);
        }
        finally
        {
            _depth--;
        }
    }

    private BoundExpression BindExpressionCore(ExpressionSyntax syntax)
    {
        switch (syntax)
        {
            case LiteralExpressionSyntax literal:
                return BindLiteral(literal);
            case MapExpressionSyntax map:
                return BindMapRead(map, BindMapKey(map));
            case VariableExpressionSyntax variable:
                return BindVariable(variable);
            case PositionalParameterExpressionSyntax positional:
                return BindPositional(positional);
            case IdentifierExpressionSyntax identifier:
                return BindIdentifier(identifier);
            case CallExpressionSyntax call:
                return BindCall(call);
            case BinaryExpressionSyntax binary:
                return BindBinary(binary);
            case PrefixUnaryExpressionSyntax prefix:
                return BindPrefixUnary(prefix);
            case PostfixUnaryExpressionSyntax postfix:
                return BindIncrement(postfix, postfix.Operand, postfix.OperatorToken.Text == "++", isPrefix: false);
            case ConditionalExpressionSyntax conditional:
                return BindConditional(conditional);
            case ParenthesizedExpressionSyntax parenthesized:
                return BindExpression(parenthesized.Expression);
            case TupleExpressionSyntax tuple:
                return BindTuple(tuple, tuple.Elements.Select(e => BindExpression(e)).ToImmutableArray(), default);
            case RecordExpressionSyntax record:
                return BindTuple(record, record.Fields.Select(f => BindExpression(f.Value)).ToImmutableArray(), record.Fields.Select(f => f.Identifier.Text).ToImmutableArray());
            case CastExpressionSyntax cast:
                return BindCast(cast);
            case MemberAccessExpressionSyntax member:
                return BindMemberAccess(member);
            case ElementAccessExpressionSyntax element:
                return BindElementAccess(element);
            case SizeofExpressionSyntax size:
                return BindSizeof(size);
            case OffsetofExpressionSyntax offsetof:
                return BindOffsetof(offsetof);
            case BlockExpressionSyntax block:
                return BindBlockExpression(block);
            default:
                Report(SemanticDiagnostics.Unsupported, syntax, $"'{syntax}'");
                return new BoundError(syntax);
        }
    }

    private BoundExpression BindLiteral(LiteralExpressionSyntax literal)
    {
        var token = literal.Token;
        if (token.IsMissing)
        {
            return new BoundError(literal);
        }

        switch (literal.Kind)
        {
            case SyntaxKind.TrueLiteralExpression:
                return new BoundLiteral(literal, SimpleType.Bool, 1);
            case SyntaxKind.FalseLiteralExpression:
                return new BoundLiteral(literal, SimpleType.Bool, 0);
            case SyntaxKind.StringLiteralExpression:
                string text = token.ValueText;
                int size = StringLiteralBytes.GetByteCount(text) + 1;
                if (size > _settings.MaxStrlen)
                {
                    Report(SemanticDiagnostics.StringTooLong, literal, size, _settings.MaxStrlen);
                }

                return new BoundLiteral(literal, new StringType(size), 0, text);
            default:
                ulong value = token.Value switch
                {
                    ulong u => u,
                    long l => (ulong)l,
                    int i => (ulong)i,
                    _ => 0,
                };
                return new BoundLiteral(literal, value > long.MaxValue ? IntegerType.UInt64 : IntegerType.Int64, value);
        }
    }

    private BoundExpression BindPositional(PositionalParameterExpressionSyntax positional)
    {
        string text = positional.Token.Text;
        var parameters = _options.PositionalParameters;
        if (text.Length < 2)
        {
            return new BoundError(positional); // a missing token: the parser has reported it
        }

        if (text == "$#")
        {
            return new BoundLiteral(positional, IntegerType.Int64, (ulong)parameters.Length);
        }

        if (!int.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1)
        {
            Report(SemanticDiagnostics.InvalidArgument, positional, $"Invalid positional parameter: {text}");
            return new BoundError(positional);
        }

        if (n > parameters.Length)
        {
            // bpftrace treats a missing positional parameter as 0 / "" in str($N); keep that, but only for integers.
            return new BoundLiteral(positional, IntegerType.Int64, 0);
        }

        string value = parameters[n - 1];
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number))
        {
            return new BoundLiteral(positional, IntegerType.Int64, (ulong)number);
        }

        if (value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && ulong.TryParse(value.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong hex))
        {
            return new BoundLiteral(positional, IntegerType.UInt64, hex);
        }

        return new BoundLiteral(positional, new StringType(StringLiteralBytes.GetByteCount(value) + 1), 0, value);
    }

    private BoundExpression BindVariable(VariableExpressionSyntax syntax)
    {
        string name = syntax.VariableToken.Text;
        var variable = _scope.Lookup(name);
        if (variable is null)
        {
            _undefinedVariableRead = true;
            Report(SemanticDiagnostics.UndefinedVariable, syntax, name);
            return new BoundError(syntax);
        }

        _references.Add((syntax.VariableToken, variable));
        return new BoundVariableAccess(syntax, variable);
    }

    private BoundExpression? BindMapKey(MapExpressionSyntax map)
    {
        if (map.Keys is not { } keys)
        {
            return null;
        }

        var arguments = keys.Arguments;
        if (arguments.Count == 0)
        {
            Report(SemanticDiagnostics.InvalidArgument, keys, "A map access needs at least one key: @map[key]");
            return new BoundError(keys);
        }

        if (arguments.Count == 1)
        {
            var key = BindExpression(arguments[0]);
            CheckKeyType(arguments[0], key);
            return key;
        }

        var elements = arguments.Select(a =>
        {
            var e = BindExpression(a);
            CheckKeyType(a, e);
            return e;
        }).ToImmutableArray();
        return BindTuple(keys, elements, default);
    }

    private void CheckKeyType(SyntaxNode syntax, BoundExpression key)
    {
        if (key.Type.Kind is TypeKind.Void or TypeKind.Aggregate or TypeKind.Context)
        {
            Report(SemanticDiagnostics.InvalidArgument, syntax, $"A value of type '{key.Type}' cannot be used as a map key");
        }
    }

    private BoundExpression BindMapRead(MapExpressionSyntax map, BoundExpression? key)
    {
        string name = MapName(map.MapToken);
        var info = GetMap(name);
        info.IsRead = true;
        info.Locations.Add(Loc(map.MapToken));
        NoteMapKey(map, name, key);
        if (info.ValueType is null)
        {
            if (_speculative)
            {
                // A map read before its assignment (`@x = @x + 1`, or a probe before the one assigning it) reads as
                // an integer so that the assignment can give the map its type; a later pass decides.
                _readUnassignedMap = true;
                return new BoundLiteral(map, IntegerType.Int64, 0);
            }

            Report(SemanticDiagnostics.UndefinedMap, map, name);
            return new BoundError(map);
        }

        var type = info.ValueType;
        if (type is AggregateType aggregate)
        {
            if (aggregate.Aggregate is AggregateKind.Hist or AggregateKind.LHist or AggregateKind.Stats or AggregateKind.TSeries)
            {
                Report(SemanticDiagnostics.AggregateInExpression, map, name, aggregate);
                return new BoundError(map);
            }

            // count/sum/min/max/avg read in an expression give this CPU's integer value (implicit cast, bpftrace 0.21).
            return new BoundMapAccess(map, name, key, aggregate.IsSigned ? IntegerType.Int64 : IntegerType.UInt64);
        }

        return new BoundMapAccess(map, name, key, type);
    }

    private BtType? GetMapValueTypeForRead(string name) => _maps.TryGetValue(name, out var info) ? info.ValueType : null;

    /// <summary>Unifies the key type of a map with the key of one access; reports a mismatch.</summary>
    private void NoteMapKey(SyntaxNode syntax, string name, BoundExpression? key)
    {
        var info = GetMap(name);
        UnifyMapKey(syntax, name, key, info);
        info.SeeKey();
    }

    private void UnifyMapKey(SyntaxNode syntax, string name, BoundExpression? key, MapInfo info)
    {
        bool hasKey = key is not null;
        if (key is { Type.IsError: true })
        {
            return;
        }

        var currentHasKey = info.CurrentHasKey;
        var currentKey = info.CurrentKeyType;
        if (currentHasKey is null)
        {
            info.HasKey = hasKey;
            info.KeyType = key is null ? null : TypeFacts.Widen(key.Type);
            return;
        }

        if (currentHasKey != hasKey)
        {
            string expected = currentHasKey == true ? currentKey?.ToString() ?? "?" : "none";
            Report(SemanticDiagnostics.MapKeyTypeMismatch, syntax, name, key?.Type.ToString() ?? "none", expected);
            return;
        }

        info.HasKey = currentHasKey;
        if (key is null)
        {
            return;
        }

        if (currentKey is null)
        {
            info.KeyType = TypeFacts.Widen(key.Type);
            return;
        }

        var unified = TypeFacts.Unify(currentKey, TypeFacts.Widen(key.Type));
        if (unified is null)
        {
            Report(SemanticDiagnostics.MapKeyTypeMismatch, syntax, name, key.Type, currentKey);
            info.KeyType = currentKey;
        }
        else
        {
            info.KeyType = unified;
        }
    }

    /// <summary>Unifies the value type of a map with one assignment; returns the map's value type.</summary>
    private BtType NoteMapValue(MapExpressionSyntax map, string name, BtType type, SyntaxNode valueSyntax)
    {
        var info = GetMap(name);
        info.Locations.Add(Loc(map.MapToken));
        var result = UnifyMapValue(name, type, valueSyntax, info);
        info.SeeValue();
        return result;
    }

    private BtType UnifyMapValue(string name, BtType type, SyntaxNode valueSyntax, MapInfo info)
    {
        var current = info.CurrentValueType;
        if (type.IsError)
        {
            return current ?? SimpleType.Error;
        }

        if (current is null)
        {
            info.ValueType = type;
            info.FirstAssignment = Loc(valueSyntax);
            return type;
        }

        var unified = type is AggregateType || current is AggregateType
            ? (type.Equals(current) ? type : null)
            : TypeFacts.Unify(current, type);
        if (unified is null)
        {
            var diagnostic = Diagnostics.Diagnostic.Create(SemanticDiagnostics.MapValueTypeMismatch, Loc(valueSyntax), name, type, current);
            if (info.FirstAssignment is { } first)
            {
                diagnostic = diagnostic.WithRelatedLocation(first);
            }

            Report(diagnostic);
            info.ValueType = current;
            return current;
        }

        // Current may be the previous pass's type (a hint): this pass's first assignment still sets the map.
        info.FirstAssignment ??= Loc(valueSyntax);
        info.ValueType = unified;
        return unified;
    }

    private BoundExpression BindCondition(ExpressionSyntax syntax, string what)
    {
        var condition = BindExpression(syntax);
        if (!TypeFacts.IsIntegerLike(condition.Type) && !condition.Type.IsString)
        {
            Report(SemanticDiagnostics.ExpectedInteger, syntax, what, condition.Type);
        }

        return condition;
    }

    private BoundExpression BindIntegerExpression(ExpressionSyntax syntax, string what)
    {
        var expression = BindExpression(syntax);
        if (!TypeFacts.IsIntegerLike(expression.Type))
        {
            Report(SemanticDiagnostics.ExpectedInteger, syntax, what, expression.Type);
        }

        return expression;
    }

    private BoundExpression BindBinary(BinaryExpressionSyntax binary)
    {
        var left = BindExpression(binary.Left);
        var right = BindExpression(binary.Right);
        return BindBinaryOperator(binary, binary.OperatorToken.Text, left, right);
    }

    private BoundExpression BindBinaryOperator(SyntaxNode syntax, string text, BoundExpression left, BoundExpression right)
    {
        if (left.Type.IsError || right.Type.IsError)
        {
            return new BoundError(syntax);
        }

        BinaryOperator? op = text switch
        {
            "+" => BinaryOperator.Add,
            "-" => BinaryOperator.Subtract,
            "*" => BinaryOperator.Multiply,
            "/" => BinaryOperator.Divide,
            "%" => BinaryOperator.Modulo,
            "<<" => BinaryOperator.LeftShift,
            ">>" => BinaryOperator.RightShift,
            "&" => BinaryOperator.BitwiseAnd,
            "|" => BinaryOperator.BitwiseOr,
            "^" => BinaryOperator.BitwiseXor,
            "&&" => BinaryOperator.LogicalAnd,
            "||" => BinaryOperator.LogicalOr,
            "==" => BinaryOperator.Equal,
            "!=" => BinaryOperator.NotEqual,
            "<" => BinaryOperator.Less,
            "<=" => BinaryOperator.LessOrEqual,
            ">" => BinaryOperator.Greater,
            ">=" => BinaryOperator.GreaterOrEqual,
            _ => null,
        };
        if (op is not { } binaryOperator)
        {
            Report(SemanticDiagnostics.Unsupported, syntax, $"operator '{text}'");
            return new BoundError(syntax);
        }

        bool comparison = binaryOperator is BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual;
        if (left.Type.IsString || right.Type.IsString)
        {
            if (left.Type.IsString && right.Type.IsString && binaryOperator is BinaryOperator.Equal or BinaryOperator.NotEqual)
            {
                return new BoundBinary(syntax, binaryOperator, left, right, SimpleType.Bool);
            }

            Report(SemanticDiagnostics.OperandTypeMismatch, syntax, text, left.Type, right.Type);
            return new BoundError(syntax);
        }

        if (!TypeFacts.IsIntegerLike(left.Type) || !TypeFacts.IsIntegerLike(right.Type))
        {
            if (comparison && left.Type.Equals(right.Type) && left.Type.Kind is TypeKind.KernelSymbol or TypeKind.UserSymbol or TypeKind.ProbeName)
            {
                return new BoundBinary(syntax, binaryOperator, left, right, SimpleType.Bool);
            }

            Report(SemanticDiagnostics.OperandTypeMismatch, syntax, text, left.Type, right.Type);
            return new BoundError(syntax);
        }

        if (comparison || binaryOperator is BinaryOperator.LogicalAnd or BinaryOperator.LogicalOr)
        {
            return new BoundBinary(syntax, binaryOperator, left, right, SimpleType.Bool);
        }

        if (binaryOperator is BinaryOperator.Add or BinaryOperator.Subtract && left.Type is PointerType pointer && right.Type is not PointerType
            && pointer.Element.Size > 1)
        {
            // C pointer arithmetic, as in bpftrace: p + n moves n elements (args.argv + 1 is the second argv slot).
            right = new BoundBinary(syntax, BinaryOperator.Multiply, right, new BoundLiteral(syntax, IntegerType.Int64, (ulong)pointer.Element.Size), IntegerType.Int64);
        }

        return new BoundBinary(syntax, binaryOperator, left, right, TypeFacts.Arithmetic(left.Type, right.Type));
    }

    private BoundExpression BindPrefixUnary(PrefixUnaryExpressionSyntax prefix)
    {
        string text = prefix.OperatorToken.Text;
        if (text is "++" or "--")
        {
            return BindIncrement(prefix, prefix.Operand, text == "++", isPrefix: true);
        }

        var operand = BindExpression(prefix.Operand);
        if (operand.Type.IsError)
        {
            return new BoundError(prefix);
        }

        switch (text)
        {
            case "!":
                if (!TypeFacts.IsIntegerLike(operand.Type))
                {
                    Report(SemanticDiagnostics.InvalidOperand, prefix, "!", operand.Type);
                    return new BoundError(prefix);
                }

                return new BoundUnary(prefix, UnaryOperator.LogicalNot, operand, SimpleType.Bool);
            case "~":
            case "-":
            case "+":
                if (!operand.Type.IsInteger)
                {
                    Report(SemanticDiagnostics.InvalidOperand, prefix, text, operand.Type);
                    return new BoundError(prefix);
                }

                var type = text == "-" ? IntegerType.Int64 : TypeFacts.Widen(operand.Type);
                var op = text switch { "~" => UnaryOperator.BitwiseNot, "-" => UnaryOperator.Negate, _ => UnaryOperator.Plus };
                return new BoundUnary(prefix, op, operand, type is SimpleType ? IntegerType.Int64 : type);
            case "*":
                if (operand.Type is PointerType pointer)
                {
                    var element = pointer.Element is SimpleType { Kind: TypeKind.Void } ? IntegerType.UInt8 : pointer.Element;
                    return new BoundUnary(prefix, UnaryOperator.Dereference, operand, element);
                }

                if (operand.Type.IsInteger)
                {
                    return new BoundUnary(prefix, UnaryOperator.Dereference, operand, IntegerType.UInt64);
                }

                Report(SemanticDiagnostics.InvalidOperand, prefix, "*", operand.Type);
                return new BoundError(prefix);
            case "&":
                return BindAddressOf(prefix, operand);
            default:
                Report(SemanticDiagnostics.Unsupported, prefix, $"operator '{text}'");
                return new BoundError(prefix);
        }
    }

    private BoundExpression BindIncrement(ExpressionSyntax syntax, ExpressionSyntax operandSyntax, bool isIncrement, bool isPrefix)
    {
        if (operandSyntax is MapExpressionSyntax map)
        {
            string name = MapName(map.MapToken);
            var key = BindMapKey(map);
            var info = GetMap(name);
            var valueType = info.CurrentValueType is null or IntegerType ? NoteMapValue(map, name, IntegerType.Int64, syntax) : info.ValueType;
            NoteMapKey(map, name, key);
            if (!valueType.IsInteger && !valueType.IsError)
            {
                Report(SemanticDiagnostics.InvalidOperand, syntax, isIncrement ? "++" : "--", valueType);
                return new BoundError(syntax);
            }

            var access = Record(map, new BoundMapAccess(map, name, key, valueType));
            return new BoundIncrement(syntax, access, isIncrement, isPrefix);
        }

        if (operandSyntax is VariableExpressionSyntax variableSyntax)
        {
            var variable = BindVariable(variableSyntax);
            if (variable.Type.IsError)
            {
                return new BoundError(syntax);
            }

            if (!variable.Type.IsInteger)
            {
                Report(SemanticDiagnostics.InvalidOperand, syntax, isIncrement ? "++" : "--", variable.Type);
                return new BoundError(syntax);
            }

            return new BoundIncrement(syntax, variable, isIncrement, isPrefix);
        }

        Report(SemanticDiagnostics.NotAssignable, operandSyntax);
        return new BoundError(syntax);
    }

    private BoundExpression BindConditional(ConditionalExpressionSyntax conditional)
    {
        var condition = BindCondition(conditional.Condition, "ternary condition");
        var whenTrue = conditional.WhenTrue is { } t ? BindExpression(t) : condition;
        var whenFalse = BindExpression(conditional.WhenFalse);
        if (whenTrue.Type.IsError || whenFalse.Type.IsError)
        {
            return new BoundError(conditional);
        }

        var type = TypeFacts.Unify(TypeFacts.Widen(whenTrue.Type), TypeFacts.Widen(whenFalse.Type));
        if (type is null)
        {
            Report(SemanticDiagnostics.OperandTypeMismatch, conditional, "?:", whenTrue.Type, whenFalse.Type);
            return new BoundError(conditional);
        }

        return new BoundConditional(conditional, condition, whenTrue, whenFalse, type);
    }

    private BoundExpression BindTuple(SyntaxNode syntax, ImmutableArray<BoundExpression> elements, ImmutableArray<string> names)
    {
        if (elements.Any(e => e.Type.IsError))
        {
            return new BoundError(syntax);
        }

        foreach (var element in elements)
        {
            if (element.Type.Kind is TypeKind.Void or TypeKind.Aggregate)
            {
                Report(SemanticDiagnostics.InvalidArgument, element.Syntax, $"A value of type '{element.Type}' cannot be part of a tuple");
                return new BoundError(syntax);
            }
        }

        var type = new TupleType(elements.Select(e => TypeFacts.Widen(e.Type)).ToImmutableArray(), names);
        return new BoundTuple(syntax, elements, type);
    }

    private BoundExpression BindCast(CastExpressionSyntax cast)
    {
        var operand = BindExpression(cast.Operand);
        var type = BindType(cast.Type);
        if (operand.Type.IsError || type.IsError)
        {
            return new BoundError(cast);
        }

        if ((type.IsIntegral || type.Kind == TypeKind.Bool) && (TypeFacts.IsIntegerLike(operand.Type)))
        {
            return new BoundCast(cast, operand, type);
        }

        if (type is ArrayType && operand.Type.IsInteger && type.Size == operand.Type.Size)
        {
            return new BoundCast(cast, operand, type);
        }

        Report(SemanticDiagnostics.InvalidArgument, cast, $"Cannot cast from '{operand.Type}' to '{type}'");
        return new BoundError(cast);
    }

    private BtType BindType(TypeSyntax syntax)
    {
        switch (syntax)
        {
            case NamedTypeSyntax named:
                string name = named.Identifier.Text;
                if (named.TagKeyword.Text is "struct" or "union")
                {
                    if (_c.FindStruct(name, named.TagKeyword.Text == "union") is { } script)
                    {
                        return script;
                    }

                    if (KernelStruct(name, named.TagKeyword.Text == "union") is { } kernel)
                    {
                        return kernel;
                    }

                    Report(Diagnostics.Diagnostic.Create(SemanticDiagnostics.UnknownType, Loc(named), $"{named.TagKeyword.Text} {name}")
                        .WithHint("kernel types come from BTF (/sys/kernel/btf/vmlinux); `btlang -lv 'struct NAME'` shows one"));
                    return SimpleType.Error;
                }

                if (named.TagKeyword.Text == "enum")
                {
                    return (BtType?)_c.FindEnum(name) ?? IntegerType.Int64;
                }

                BtType? type = name switch
                {
                    "int8" or "s8" or "char" or "i8" => IntegerType.Int8,
                    "int16" or "s16" or "short" or "i16" => IntegerType.Int16,
                    "int32" or "s32" or "int" or "i32" => IntegerType.Int32,
                    "int64" or "s64" or "long" or "i64" => IntegerType.Int64,
                    "uint8" or "u8" or "unsigned char" => IntegerType.UInt8,
                    "uint16" or "u16" => IntegerType.UInt16,
                    "uint32" or "u32" or "unsigned" => IntegerType.UInt32,
                    "uint64" or "u64" or "size_t" => IntegerType.UInt64,
                    "bool" => SimpleType.Bool,
                    "void" => SimpleType.Void,
                    "string" => new StringType(_settings.MaxStrlen),
                    _ => null,
                };
                type ??= _c.FindTypedef(name);
                type ??= Catalog?.KernelBtf is { } btf ? BtfTypeConverter.For(btf).FindNamed(name) : null;
                if (type is null)
                {
                    Report(SemanticDiagnostics.UnknownType, named, name);
                    return SimpleType.Error;
                }

                return type;
            case PointerTypeSyntax pointer:
                var element = BindType(pointer.ElementType);
                return element.IsError ? element : new PointerType(element);
            case ArrayTypeSyntax array:
                var elementType = BindType(array.ElementType);
                if (elementType.IsError)
                {
                    return elementType;
                }

                if (array.Size.Value is ulong n and > 0 and < 4096)
                {
                    return elementType is StringType ? new StringType((int)n) : new ArrayType(elementType, (int)n);
                }

                Report(SemanticDiagnostics.InvalidArgument, array, "Array types need a size from 1 to 4095");
                return SimpleType.Error;
            default:
                Report(SemanticDiagnostics.UnknownType, syntax, syntax.ToString());
                return SimpleType.Error;
        }
    }

    private BoundExpression BindMemberAccess(MemberAccessExpressionSyntax member)
    {
        var operand = BindExpression(member.Expression);
        if (operand.Type.IsError)
        {
            return new BoundError(member);
        }

        string name = member.Name.Text;
        if (operand.Type is TupleType tuple)
        {
            int index = tuple.IsRecord ? tuple.IndexOf(name) : int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out int i) ? i : -1;
            if (index < 0 || index >= tuple.Elements.Length)
            {
                Report(SemanticDiagnostics.UnknownField, member.Name, tuple, name);
                return new BoundError(member);
            }

            return new BoundTupleIndex(member, operand, index);
        }

        var structType = operand.Type switch
        {
            StructType s => s,
            PointerType { Element: StructType s } => s,
            _ => null,
        };
        if (structType is null)
        {
            Report(SemanticDiagnostics.NotAStruct, member.Name, name, operand.Type);
            return new BoundError(member);
        }

        // A struct the script defines wins over the kernel's of the same name wherever it is reached, also through
        // the field types of a kernel struct (`$task->se.cfs_rq->nr_running` with the script's struct cfs_rq), as in
        // bpftrace, whose types are looked up by name.
        if (structType.Kind != TypeKind.Context && _c.FindStruct(structType.Name, structType.IsUnion) is { } scriptStruct)
        {
            structType = scriptStruct;
        }

        var field = structType.FindMember(name);
        if (field is null && ReportUnreadableUprobeArgument(structType, name, member.Name))
        {
            return new BoundError(member);
        }

        if (field is null)
        {
            var diagnostic = Diagnostics.Diagnostic.Create(SemanticDiagnostics.UnknownField, Loc(member.Name), structType, name);
            if (SpellingSuggestion(name, structType.Members.Select(m => m.Name)) is { } suggestion)
            {
                diagnostic = diagnostic.WithHint($"Did you mean '{suggestion}'?");
            }

            if (InactiveScriptStructHint(structType) is { } inactive)
            {
                diagnostic = diagnostic.WithHint(inactive);
            }

            Report(diagnostic);
            return new BoundError(member);
        }

        return new BoundFieldAccess(member, operand, structType, field, operand.Type is PointerType);
    }

    private BoundExpression BindElementAccess(ElementAccessExpressionSyntax element)
    {
        var operand = BindExpression(element.Expression);
        var index = BindExpression(element.Index);
        if (operand.Type.IsError || index.Type.IsError)
        {
            return new BoundError(element);
        }

        if (operand.Type is TupleType tuple)
        {
            if (index.ConstantValue is long i && i >= 0 && i < tuple.Elements.Length)
            {
                return new BoundTupleIndex(element, operand, (int)i);
            }

            Report(SemanticDiagnostics.InvalidArgument, element.Index, $"Tuple index must be a literal from 0 to {tuple.Elements.Length - 1}");
            return new BoundError(element);
        }

        if (!index.Type.IsInteger)
        {
            Report(SemanticDiagnostics.ExpectedInteger, element.Index, "an index", index.Type);
            return new BoundError(element);
        }

        BtType? elementType = operand.Type switch
        {
            ArrayType a => a.Element,
            PointerType p => p.Element is SimpleType { Kind: TypeKind.Void } ? IntegerType.UInt8 : p.Element,
            StringType => IntegerType.Int8,
            _ => null,
        };
        if (elementType is null)
        {
            Report(SemanticDiagnostics.InvalidOperand, element, "[]", operand.Type);
            return new BoundError(element);
        }

        return new BoundArrayIndex(element, operand, index, elementType);
    }

    private BoundExpression BindSizeof(SizeofExpressionSyntax size)
    {
        BtType type = size.Operand switch
        {
            TypeSyntax t => BindType(t),
            ExpressionSyntax e => SizeofType(BindExpression(e)),
            _ => SimpleType.Error,
        };
        return type.IsError ? new BoundError(size) : new BoundLiteral(size, IntegerType.UInt64, (ulong)type.Size);
    }

    /// <summary>
    /// The type whose size sizeof(e) gives, as bpftrace types it: variables and tuples keep their integer widths
    /// (uint16 is 2 bytes, ((int8)1, 2) is 16) although BtLang stores them widened to 64 bits.
    /// </summary>
    private BtType SizeofType(BoundExpression expression) => expression switch
    {
        BoundVariableAccess variable => _sizeofTypes.GetValueOrDefault(variable.Variable) ?? variable.Type,
        BoundTuple tuple => new TupleType(tuple.Elements.Select(SizeofType).ToImmutableArray(), tuple.TupleType.IsRecord ? tuple.TupleType.FieldNames : default),
        BoundTupleIndex index when SizeofType(index.Operand) is TupleType tuple && index.Index < tuple.Elements.Length => tuple.Elements[index.Index],
        _ => expression.Type,
    };

    private BoundExpression BindOffsetof(OffsetofExpressionSyntax offsetof)
    {
        var type = BindType(offsetof.Type);
        if (type.IsError)
        {
            return new BoundError(offsetof);
        }

        long offset = 0;
        foreach (var member in offsetof.Members)
        {
            string name = member.Identifier.Text;
            if (type is not StructType structType || structType.FindMember(name) is not { } field)
            {
                Report(SemanticDiagnostics.UnknownField, member, type, name);
                return new BoundError(offsetof);
            }

            offset += field.Offset;
            type = field.Type;
        }

        return new BoundLiteral(offsetof, IntegerType.UInt64, (ulong)offset);
    }

    private BoundExpression BindBlockExpression(BlockExpressionSyntax block)
    {
        var saved = _scope;
        _scope = new Scope(_scope);
        var statements = ImmutableArray.CreateBuilder<BoundStatement>();
        foreach (var statement in block.Statements)
        {
            if (BindStatement(statement) is { } bound)
            {
                statements.Add(bound);
            }
        }

        var value = BindExpression(block.Expression, allowVoid: true);
        _scope = saved;
        if (value.Type.IsError)
        {
            return value;
        }

        if (value.Type.Kind == TypeKind.Void)
        {
            statements.Add(new BoundExpressionStatement(value.Syntax, value));
            return new BoundBlockExpression(block, statements.ToImmutable(), null);
        }

        return new BoundBlockExpression(block, statements.ToImmutable(), value);
    }

    private BoundExpression BindIdentifier(IdentifierExpressionSyntax identifier)
    {
        string name = identifier.Identifier.Text;
        if (identifier.Identifier.IsMissing || name.Length == 0)
        {
            return new BoundError(identifier);
        }

        if (_identifierArguments.TryGetValue(name, out var argument))
        {
            return argument;
        }

        if (IsMacro(name))
        {
            return BindMacroCall(identifier, name, Array.Empty<ExpressionSyntax>());
        }

        if (BindBuiltinVariable(identifier, name, 0) is { } builtin)
        {
            return builtin;
        }

        // Constants of the script's C part: enum values, then #define'd integers.
        if (_c.TryGetEnumConstant(name, out long enumValue, out var enumType))
        {
            return new BoundLiteral(identifier, enumType, (ulong)enumValue);
        }

        if (_c.TryGetConstant(name, out long constant))
        {
            return new BoundLiteral(identifier, IntegerType.Int64, (ulong)constant);
        }

        // Then the kernel's enum values from BTF, as bpftrace does (tcplife.bt compares with TCP_FIN_WAIT1).
        if (Catalog?.KernelBtf is { } btf && BtfTypeConverter.For(btf).TryGetEnumConstant(name, out long kernelValue, out var kernelEnum))
        {
            return new BoundLiteral(identifier, kernelEnum, (ulong)kernelValue);
        }

        return UnknownIdentifier(identifier, name);
    }

    private BoundExpression UnknownIdentifier(SyntaxNode syntax, string name)
    {
        var diagnostic = Diagnostics.Diagnostic.Create(SemanticDiagnostics.UnknownIdentifier, Loc(syntax), name);
        if (BuiltinCatalog.FindFunction(name) is not null)
        {
            diagnostic = diagnostic.WithHint($"{name} is a function: call it as {name}()");
        }
        else if (SpellingSuggestion(name, BuiltinCatalog.Variables.Select(v => v.Name)) is { } suggestion)
        {
            diagnostic = diagnostic.WithHint($"Did you mean '{suggestion}'?");
        }
        else if (MissingMacroHint(name) is { } macro)
        {
            diagnostic = diagnostic.WithHint(macro);
        }

        Report(diagnostic);
        return new BoundError(syntax);
    }

    /// <summary>
    /// The closest known name within edit distance 2, for "did you mean" hints. Swapping two neighbouring letters
    /// counts as one edit (`prinft` is one from `printf`, as from `print`), and of equally close names the one
    /// whose length is nearest to what was typed wins, so a swap beats a dropped letter.
    /// </summary>
    internal static string? SpellingSuggestion(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = 3;
        int bestLengthGap = int.MaxValue;
        foreach (var candidate in candidates)
        {
            int d = EditDistance(name, candidate);
            int lengthGap = Math.Abs(candidate.Length - name.Length);
            if (d < bestDistance || (d == bestDistance && lengthGap < bestLengthGap))
            {
                best = candidate;
                bestDistance = d;
                bestLengthGap = lengthGap;
            }
        }

        return best;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    private static int EditDistance(string a, string b)
    {
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return previous[b.Length];
    }
}
