using System.Collections.Immutable;
using BtLang.Semantics.Builtins;
using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal sealed partial class Binder
{
    private BoundExpression BindCall(CallExpressionSyntax call)
    {
        string name = call.Identifier.Text;
        if (IsMacro(name))
        {
            return BindMacroCall(call, name, call.ArgumentList.Arguments.ToList());
        }

        var info = BuiltinCatalog.FindFunction(name);
        if (info is null && _imports.ExternFunctions.TryGetValue(name, out var externFunction))
        {
            return BindExternCall(call, externFunction);
        }

        if (info is null)
        {
            var diagnostic = Diagnostics.Diagnostic.Create(SemanticDiagnostics.UnknownFunction, Loc(call.Identifier), name);
            if (SpellingSuggestion(name, BuiltinCatalog.Functions.Select(f => f.Name)) is { } suggestion)
            {
                diagnostic = diagnostic.WithHint($"Did you mean '{suggestion}'?");
            }

            Report(diagnostic);
            foreach (var argument in call.ArgumentList.Arguments)
            {
                BindExpression(argument, allowVoid: true);
            }

            return new BoundError(call);
        }

        if (info.IsAggregation)
        {
            Report(SemanticDiagnostics.AggregationNotAssigned, call, name);
            return new BoundError(call);
        }

        if (!CheckArgumentCount(call, info))
        {
            return new BoundError(call);
        }

        if (info.IsUnsafe && !_options.AllowUnsafe)
        {
            Report(Diagnostics.Diagnostic.Create(SemanticDiagnostics.UnsafeFunction, Loc(call.Identifier), name)
                .WithHint("run with --unsafe to allow it"));
        }

        string function = info.AliasOf ?? info.Name;
        var args = call.ArgumentList.Arguments;
        switch (function)
        {
            case "printf":
            case "system":
            case "cat":
            case "debugf":
                return BindFormatCall(call, function);
            case "print":
                return BindPrint(call);
            case "exit":
                if (_loopDepth > 0)
                {
                    Report(SemanticDiagnostics.ExitInLoop, call);
                }

                return Void(call, function, args.Count == 1 ? ImmutableArray.Create(BindIntegerExpression(args[0], "exit()")) : ImmutableArray<BoundExpression>.Empty);
            case "time":
                return Void(call, function, ImmutableArray<BoundExpression>.Empty, args.Count == 1 ? LiteralString(args[0], "time()") : "%H:%M:%S\n");
            case "clear":
            case "zero":
                return BindMapFunction(call, function, SimpleType.Void);
            case "len":
                return BindLen(call);
            case "has_key":
                return BindHasKey(call);
            case "delete":
                return BindDeleteValue(call);
            case "str":
                return BindStr(call);
            case "buf":
                return BindBuf(call);
            case "ksym":
                return Value(call, function, SimpleType.KernelSymbol, BindIntegerExpression(args[0], "ksym()"));
            case "usym":
                return Value(call, function, SimpleType.UserSymbol, BindIntegerExpression(args[0], "usym()"));
            case "kaddr":
            case "uaddr":
            case "cgroupid":
                return new BoundCall(call, function, ImmutableArray<BoundExpression>.Empty, IntegerType.UInt64, LiteralString(args[0], function + "()"));
            case "reg":
                return new BoundCall(call, function, ImmutableArray<BoundExpression>.Empty, IntegerType.UInt64, LiteralString(args[0], "reg()"));
            case "ntop":
                return BindNtop(call);
            case "kstack":
            case "ustack":
                return BindStackCall(call, function == "ustack");
            case "strncmp":
                return BindStrncmp(call);
            case "strcontains":
                return BindStrContains(call);
            case "strerror":
                return Value(call, function, SimpleType.ErrorText, BindIntegerExpression(args[0], "strerror()"));
            case "join":
                return Void(call, function, ImmutableArray.Create(BindIntegerExpression(args[0], "join()")), args.Count == 2 ? LiteralString(args[1], "join()") : " ");
            case "signal":
                return BindSignal(call);
            case "strftime":
                var ns = BindIntegerExpression(args[1], "strftime()");
                return new BoundCall(call, function, ImmutableArray.Create(ns), SimpleType.Timestamp, LiteralString(args[0], "strftime()"));
            case "bswap":
                var operand = BindIntegerExpression(args[0], "bswap()");
                return Value(call, function, operand.Type is IntegerType ? operand.Type : IntegerType.UInt64, operand);
            case "uptr":
            case "kptr":
                var pointer = BindExpression(args[0]);
                return Value(call, function, pointer.Type is PointerType p ? new PointerType(p.Element, function == "uptr", function == "kptr") : pointer.Type, pointer);
            case "macaddr":
                return BindMacAddress(call);
            case "cgroup_path":
                return BindCgroupPath(call);
            case "override":
                return BindOverride(call);
            case "unwatch":
                return Void(call, function, ImmutableArray.Create(BindIntegerExpression(args[0], "unwatch()")));
            case "pid":
            case "tid":
            case "nsecs":
            case "comm":
                return BindBuiltinCall(call, function);
            case "getopt":
                return BindGetopt(call);
            default:
                Report(SemanticDiagnostics.Unsupported, call, $"{name}()");
                return new BoundError(call);
        }
    }

    private bool CheckArgumentCount(CallExpressionSyntax call, BuiltinInfo info)
    {
        int count = call.ArgumentList.Arguments.Count;
        if (count >= info.MinArguments && count <= info.MaxArguments)
        {
            return true;
        }

        string requirement = info.MinArguments == info.MaxArguments
            ? $"requires {info.MinArguments} argument{(info.MinArguments == 1 ? string.Empty : "s")}"
            : count < info.MinArguments
                ? $"requires at least {info.MinArguments} argument{(info.MinArguments == 1 ? string.Empty : "s")}"
                : $"requires at most {info.MaxArguments} argument{(info.MaxArguments == 1 ? string.Empty : "s")}";
        Report(Diagnostics.Diagnostic.Create(SemanticDiagnostics.WrongArgumentCount, Loc(call), info.Name, requirement, count)
            .WithHint($"signature: {info.Signature}"));
        return false;
    }

    private static BoundCall Void(CallExpressionSyntax call, string function, ImmutableArray<BoundExpression> arguments, string? text = null) =>
        new(call, function, arguments, SimpleType.Void, text);

    private static BoundCall Value(CallExpressionSyntax call, string function, BtType type, BoundExpression argument) =>
        new(call, function, ImmutableArray.Create(argument), type);

    private string LiteralString(ExpressionSyntax syntax, string what)
    {
        if (syntax is LiteralExpressionSyntax { Kind: SyntaxKind.StringLiteralExpression } literal)
        {
            return literal.Token.ValueText;
        }

        var bound = BindExpression(syntax);
        if (bound is BoundLiteral { StringValue: { } value })
        {
            return value;
        }

        Report(SemanticDiagnostics.ExpectedLiteral, syntax, what, "string");
        return string.Empty;
    }

    private BoundExpression BindFormatCall(CallExpressionSyntax call, string function)
    {
        var args = call.ArgumentList.Arguments;
        string format = LiteralString(args[0], function + "()");
        var values = ImmutableArray.CreateBuilder<BoundExpression>(args.Count - 1);
        for (int i = 1; i < args.Count; i++)
        {
            var value = BindExpression(args[i]);
            if (value.Type.Kind is TypeKind.Aggregate or TypeKind.Context)
            {
                Report(SemanticDiagnostics.InvalidArgument, args[i], $"{function}() cannot print a value of type '{value.Type}'");
            }

            values.Add(value);
        }

        CheckFormat(call, function, format, values.ToImmutable());
        return new BoundCall(call, function, values.ToImmutable(), SimpleType.Void, format);
    }

    private BoundExpression BindPrint(CallExpressionSyntax call)
    {
        var args = call.ArgumentList.Arguments;
        if (args[0] is MapExpressionSyntax { Keys: null } map)
        {
            string name = MapName(map.MapToken);
            var info = GetMap(name);
            info.IsRead = true;
            info.Locations.Add(Loc(map.MapToken));
            if (info.ValueType is null)
            {
                Report(SemanticDiagnostics.UndefinedMap, map, name);
            }

            var extra = ImmutableArray.CreateBuilder<BoundExpression>();
            for (int i = 1; i < args.Count; i++)
            {
                extra.Add(BindIntegerExpression(args[i], "print()"));
            }

            return new BoundCall(call, "print_map", extra.ToImmutable(), SimpleType.Void, name);
        }

        if (args.Count > 1)
        {
            Report(SemanticDiagnostics.InvalidArgument, call, "print(value) takes one argument; top and div apply to maps only");
        }

        if (args[0] is MapExpressionSyntax { Keys: not null } element && GetMapValueTypeForRead(MapName(element.MapToken)) is AggregateType)
        {
            return BindPrintMapEntry(call, element);
        }

        var value = BindExpression(args[0]);
        if (value.Type.Kind is TypeKind.Context)
        {
            Report(SemanticDiagnostics.Unsupported, args[0], "print(args)");
        }

        return new BoundCall(call, "print", ImmutableArray.Create(value), SimpleType.Void);
    }

    /// <summary>
    /// <c>print(@m[k])</c> of an aggregation map (count, sum, avg, min, max, stats, hist, lhist, tseries): user space
    /// reads the element, merged over CPUs, and prints its value as bpftrace does (a stats record, histogram rows).
    /// Text is the map name; the argument is the key.
    /// </summary>
    private BoundExpression BindPrintMapEntry(CallExpressionSyntax call, MapExpressionSyntax element)
    {
        string name = MapName(element.MapToken);
        var key = BindMapKey(element);
        var info = GetMap(name);
        info.IsRead = true;
        info.Locations.Add(Loc(element.MapToken));
        NoteMapKey(element, name, key);
        if (key is null)
        {
            return new BoundError(call);
        }

        return new BoundCall(call, "print_map_entry", ImmutableArray.Create(key), SimpleType.Void, name);
    }

    private BoundExpression BindMapFunction(CallExpressionSyntax call, string function, BtType type)
    {
        if (call.ArgumentList.Arguments[0] is not MapExpressionSyntax { Keys: null } map)
        {
            Report(SemanticDiagnostics.InvalidArgument, call.ArgumentList.Arguments[0], $"{function}() expects a map without keys, e.g. {function}(@m)");
            return new BoundError(call);
        }

        var info = GetMap(MapName(map.MapToken));
        info.IsRead = true;
        info.Locations.Add(Loc(map.MapToken));
        if (info.ValueType is null)
        {
            Report(SemanticDiagnostics.UndefinedMap, map, MapName(map.MapToken));
        }

        return new BoundCall(call, function, ImmutableArray<BoundExpression>.Empty, type, MapName(map.MapToken));
    }

    /// <summary>
    /// <c>delete(...)</c> used as a value (<c>if (delete(@m, $k))</c>, <c>$ok = delete(@m[k])</c>): a bool, true when
    /// the element existed, as in bpftrace 0.24 and later. Text is the map name; the argument is the key (none for a
    /// scalar map).
    /// </summary>
    private BoundExpression BindDeleteValue(CallExpressionSyntax call)
    {
        if (BindDeleteTarget(call) is not { } target)
        {
            return new BoundError(call);
        }

        var key = target.Key is null ? ImmutableArray<BoundExpression>.Empty : ImmutableArray.Create(target.Key);
        return new BoundCall(call, "delete", key, SimpleType.Bool, target.MapName);
    }

    private BoundExpression BindHasKey(CallExpressionSyntax call)
    {
        var args = call.ArgumentList.Arguments;
        if (args[0] is not MapExpressionSyntax { Keys: null } map)
        {
            Report(SemanticDiagnostics.InvalidArgument, args[0], "has_key() expects a map, e.g. has_key(@m, key)");
            return new BoundError(call);
        }

        var key = BindExpression(args[1]);
        var info = GetMap(MapName(map.MapToken));
        info.IsRead = true;
        NoteMapKey(map, MapName(map.MapToken), key);
        if (info.ValueType is null)
        {
            Report(SemanticDiagnostics.UndefinedMap, map, MapName(map.MapToken));
        }

        return new BoundCall(call, "has_key", ImmutableArray.Create(key), SimpleType.Bool, MapName(map.MapToken));
    }

    private BoundExpression BindStr(CallExpressionSyntax call)
    {
        var args = call.ArgumentList.Arguments;
        var source = BindExpression(args[0]);
        if (source.Type.IsError)
        {
            return new BoundError(call);
        }

        if (source is BoundLiteral { StringValue: { } literal } && source.Type is StringType)
        {
            return BindStrOfLiteral(call, literal);
        }

        if (source.Type is StringType)
        {
            return source;
        }

        if (!TypeFacts.IsIntegerLike(source.Type) && source.Type is not ArrayType)
        {
            Report(SemanticDiagnostics.ExpectedInteger, args[0], "str()", source.Type);
            return new BoundError(call);
        }

        int size = _settings.MaxStrlen;
        var arguments = ImmutableArray.CreateBuilder<BoundExpression>();
        arguments.Add(source);
        if (args.Count == 2)
        {
            var length = BindIntegerExpression(args[1], "str()");
            if (length.ConstantValue is long n && n >= 0)
            {
                size = (int)Math.Min(n + 1, _settings.MaxStrlen);
            }

            arguments.Add(length);
        }

        return new BoundCall(call, "str", arguments.ToImmutable(), new StringType(size));
    }

    /// <summary>
    /// str() of a string literal or a string positional parameter (<c>str($1)</c>): like bpftrace, the value is cut to
    /// <c>max_strlen - 1</c> bytes, and to <c>n</c> bytes by <c>str(s, n)</c>.
    /// </summary>
    private BoundExpression BindStrOfLiteral(CallExpressionSyntax call, string literal)
    {
        var args = call.ArgumentList.Arguments;
        int limit = Math.Max(_settings.MaxStrlen - 1, 0);
        if (args.Count == 2)
        {
            var length = BindIntegerExpression(args[1], "str()");
            if (length.ConstantValue is long n && n >= 0)
            {
                limit = (int)Math.Min(n, limit);
            }
        }

        string value = TruncateToBytes(literal, limit);
        return new BoundLiteral(call, new StringType(StringLiteralBytes.GetByteCount(value) + 1), 0, value);
    }

    /// <summary>The longest prefix of a decoded literal value that is at most <paramref name="limit"/> bytes; a
    /// character cut in the middle keeps its leading bytes (as escaped bytes), as a byte-wise copy would.</summary>
    private static string TruncateToBytes(string value, int limit)
    {
        if (StringLiteralBytes.GetByteCount(value) <= limit)
        {
            return value;
        }

        var result = new System.Text.StringBuilder();
        int used = 0;
        for (int i = 0; i < value.Length && used < limit; i++)
        {
            int width = char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]) ? 2 : 1;
            string character = value.Substring(i, width);
            byte[] bytes = StringLiteralBytes.GetBytes(character);
            if (used + bytes.Length <= limit)
            {
                result.Append(character);
                used += bytes.Length;
            }
            else
            {
                foreach (byte b in bytes.AsSpan(0, limit - used))
                {
                    result.Append(StringLiteralBytes.EscapedByte(b));
                }

                used = limit;
            }

            i += width - 1;
        }

        return result.ToString();
    }

    private BoundExpression BindBuf(CallExpressionSyntax call)
    {
        var args = call.ArgumentList.Arguments;
        var source = BindExpression(args[0]);
        if (source.Type.IsError)
        {
            return new BoundError(call);
        }

        int size = source.Type is ArrayType array ? array.Size : _settings.MaxStrlen;
        var arguments = ImmutableArray.CreateBuilder<BoundExpression>();
        arguments.Add(source);
        if (args.Count == 2)
        {
            var length = BindIntegerExpression(args[1], "buf()");
            if (length.ConstantValue is long n)
            {
                if (n < 1)
                {
                    Report(SemanticDiagnostics.InvalidArgument, args[1], "buf() length must be positive");
                }

                size = (int)Math.Clamp(n, 1, _settings.MaxStrlen);
            }

            arguments.Add(length);
        }
        else if (source.Type is not ArrayType)
        {
            Report(SemanticDiagnostics.InvalidArgument, call, "buf() needs a length unless its argument is an array");
        }

        return new BoundCall(call, "buf", arguments.ToImmutable(), new BufferType(size));
    }

    private BoundExpression BindNtop(CallExpressionSyntax call)
    {
        var args = call.ArgumentList.Arguments;
        var arguments = args.Select(a => BindExpression(a)).ToImmutableArray();
        if (arguments.Any(a => a.Type.IsError))
        {
            return new BoundError(call);
        }

        var address = arguments[^1];
        // Kernel char arrays arrive as strings (BtfTypeConverter), e.g. tcplife.bt's skc_v6_daddr.in6_u.u6_addr8: a
        // 4- or 16-byte one read from a struct is an address too.
        bool byteArrayField = address is BoundFieldAccess && address.Type is StringType { Capacity: 4 or 16 };
        if (!address.Type.IsInteger && address.Type is not ArrayType { Element: IntegerType { Bits: 8 } } && !byteArrayField)
        {
            Report(SemanticDiagnostics.InvalidArgument, args[^1], $"ntop() expects an integer or a char[4]/char[16] address, got '{address.Type}'");
            return new BoundError(call);
        }

        return new BoundCall(call, "ntop", arguments, SimpleType.Inet);
    }

    private BoundExpression BindStackCall(CallExpressionSyntax call, bool isUser)
    {
        string mode = _settings.StackMode;
        int depth = StackType.DefaultDepth;
        foreach (var argument in call.ArgumentList.Arguments)
        {
            if (argument is IdentifierExpressionSyntax { Identifier.Text: "bpftrace" or "perf" or "raw" or "build_id" } identifier)
            {
                mode = identifier.Identifier.Text;
            }
            else if (BindExpression(argument).ConstantValue is long limit && limit is >= 1 and <= 1024)
            {
                depth = (int)limit;
            }
            else
            {
                Report(SemanticDiagnostics.InvalidArgument, argument, $"{(isUser ? "ustack" : "kstack")}() takes a mode (bpftrace, perf, raw) and/or a frame limit from 1 to 1024");
            }
        }

        return new BoundBuiltin(call, isUser ? BuiltinVariable.UserStack : BuiltinVariable.KernelStack, new StackType(isUser, mode, depth));
    }

    private BoundExpression BindStrncmp(CallExpressionSyntax call)
    {
        var args = call.ArgumentList.Arguments;
        var pair = BindStringPair(call, "strncmp", IntegerType.Int64);
        if (pair is not BoundCall c)
        {
            return pair;
        }

        if (BindExpression(args[2]).ConstantValue is not long n || n < 0)
        {
            Report(SemanticDiagnostics.ExpectedLiteral, args[2], "strncmp()", "non-negative integer length");
            return new BoundError(call);
        }

        return new BoundCall(call, "strncmp", c.Arguments, IntegerType.Int64, n.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private BoundExpression BindStringPair(CallExpressionSyntax call, string function, BtType type)
    {
        var args = call.ArgumentList.Arguments;
        var left = BindExpression(args[0]);
        var right = BindExpression(args[1]);
        if (left.Type.IsError || right.Type.IsError)
        {
            return new BoundError(call);
        }

        if (!left.Type.IsString || !right.Type.IsString)
        {
            Report(SemanticDiagnostics.ExpectedString, call, $"{function}()", left.Type.IsString ? right.Type : left.Type);
            return new BoundError(call);
        }

        return new BoundCall(call, function, ImmutableArray.Create(left, right), type);
    }

    private BoundExpression BindSignal(CallExpressionSyntax call)
    {
        var argument = call.ArgumentList.Arguments[0];
        var bound = BindExpression(argument);
        if (bound is BoundLiteral { StringValue: { } name })
        {
            int? number = SignalNumber(name);
            if (number is null)
            {
                Report(SemanticDiagnostics.InvalidArgument, argument, $"signal(): unknown signal '{name}'");
                return new BoundError(call);
            }

            return Void(call, "signal", ImmutableArray.Create<BoundExpression>(new BoundLiteral(argument, IntegerType.Int64, (ulong)number.Value)));
        }

        if (!bound.Type.IsInteger)
        {
            Report(SemanticDiagnostics.ExpectedInteger, argument, "signal()", bound.Type);
            return new BoundError(call);
        }

        return Void(call, "signal", ImmutableArray.Create(bound));
    }

    private static int? SignalNumber(string name)
    {
        string n = name.StartsWith("SIG", StringComparison.Ordinal) ? name[3..] : name;
        return n switch
        {
            "HUP" => 1, "INT" => 2, "QUIT" => 3, "ILL" => 4, "TRAP" => 5, "ABRT" => 6, "BUS" => 7, "FPE" => 8,
            "KILL" => 9, "USR1" => 10, "SEGV" => 11, "USR2" => 12, "PIPE" => 13, "ALRM" => 14, "TERM" => 15,
            "STKFLT" => 16, "CHLD" => 17, "CONT" => 18, "STOP" => 19, "TSTP" => 20, "TTIN" => 21, "TTOU" => 22,
            "URG" => 23, "XCPU" => 24, "XFSZ" => 25, "VTALRM" => 26, "PROF" => 27, "WINCH" => 28, "IO" => 29,
            "PWR" => 30, "SYS" => 31,
            _ => null,
        };
    }

    /// <summary>getopt("name", default): resolved at compile time from the named parameters after <c>--</c>.</summary>
    private BoundExpression BindGetopt(CallExpressionSyntax call)
    {
        var args = call.ArgumentList.Arguments;
        string name = LiteralString(args[0], "getopt()");
        var fallback = args.Count == 2 ? BindExpression(args[1]) : new BoundLiteral(call, SimpleType.Bool, 0);
        string? given = null;
        bool present = false;
        foreach (var parameter in _options.NamedParameters)
        {
            string text = parameter.TrimStart('-');
            int equals = text.IndexOf('=');
            if ((equals < 0 ? text : text[..equals]) == name)
            {
                present = true;
                given = equals < 0 ? null : text[(equals + 1)..];
            }
        }

        if (!present)
        {
            return fallback;
        }

        switch (fallback.Type)
        {
            case SimpleType { Kind: TypeKind.Bool }:
                return new BoundLiteral(call, SimpleType.Bool, given is null or "1" or "true" ? 1UL : 0UL);
            case StringType:
                string value = given ?? string.Empty;
                return new BoundLiteral(call, new StringType(StringLiteralBytes.GetByteCount(value) + 1), 0, value);
            default:
                if (long.TryParse(given, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long number))
                {
                    return new BoundLiteral(call, IntegerType.Int64, (ulong)number);
                }

                Report(SemanticDiagnostics.InvalidArgument, call, $"getopt(\"{name}\"): --{name} needs an integer value, got '{given}'");
                return fallback;
        }
    }

    private BoundExpression BindBuiltinCall(CallExpressionSyntax call, string function)
    {
        var args = call.ArgumentList.Arguments;
        int clock = 0;
        if (args.Count == 1)
        {
            string? option = args[0] is IdentifierExpressionSyntax identifier ? identifier.Identifier.Text : null;
            switch (function, option)
            {
                case ("pid" or "tid", "curr_ns"):
                    break;
                case ("pid" or "tid", "init"):
                    clock = 1;
                    break;
                case ("nsecs", "boot"):
                    break;
                case ("nsecs", "monotonic"):
                    clock = 1;
                    break;
                case ("nsecs", "tai"):
                    clock = 2;
                    break;
                case ("nsecs", "sw_tai"):
                    clock = 3;
                    break;
                case ("comm", _):
                    Report(SemanticDiagnostics.Unsupported, call, "comm(pid)");
                    return new BoundError(call);
                default:
                    Report(SemanticDiagnostics.InvalidArgument, args[0], $"{function}(): invalid argument '{args[0]}'");
                    return new BoundError(call);
            }
        }

        return BindBuiltinVariable(call, function, clock)!;
    }

    /// <summary>Checks a printf-like format against its arguments: the format itself, the count, and each type.</summary>
    private void CheckFormat(CallExpressionSyntax call, string function, string format, ImmutableArray<BoundExpression> values)
    {
        var parsed = Formatting.PrintfFormat.Parse(format);
        foreach (var error in parsed.Errors)
        {
            Report(SemanticDiagnostics.PrintfFormat, call.ArgumentList.Arguments[0], $"{function}: {error.Message}");
        }

        if (parsed.HasErrors)
        {
            return;
        }

        if (parsed.CheckArgumentCount(values.Length, function) is { } countError)
        {
            Report(SemanticDiagnostics.PrintfFormat, call, countError);
            return;
        }

        for (int i = 0; i < values.Length; i++)
        {
            var specifier = parsed.Specifiers[i];
            var type = values[i].Type;
            if (type.IsError)
            {
                continue;
            }

            string? problem = specifier.Conversion switch
            {
                _ when specifier.TakesBuffer => type is BufferType ? null : "a buffer (buf())",
                Formatting.PrintfConversion.String => null, // %s prints any value
                Formatting.PrintfConversion.Char => TypeFacts.IsIntegerLike(type) ? null : "an integer",
                _ => TypeFacts.IsIntegerLike(type) || type.Kind is TypeKind.KernelSymbol or TypeKind.Timestamp ? null : "an integer",
            };
            if (problem is not null)
            {
                string text = format.Substring(specifier.Position, specifier.Length);
                Report(SemanticDiagnostics.PrintfFormat, call.ArgumentList.Arguments[i + 1],
                    $"{function}: {text} expects {problem}, got '{type}'");
            }
        }
    }
}
