using System.Collections.Immutable;
using BtLang.Semantics.ProbeCatalog.Providers;
using System.Globalization;
using BtLang.Semantics.Builtins;
using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal sealed partial class Binder
{
    /// <summary>Binds a builtin variable, or returns null when <paramref name="name"/> is not one.</summary>
    private BoundExpression? BindBuiltinVariable(SyntaxNode syntax, string name, int clock)
    {
        switch (name)
        {
            case "pid": return new BoundBuiltin(syntax, BuiltinVariable.Pid, IntegerType.UInt32);
            case "tid": return new BoundBuiltin(syntax, BuiltinVariable.Tid, IntegerType.UInt32);
            case "uid": return new BoundBuiltin(syntax, BuiltinVariable.Uid, IntegerType.UInt64);
            case "gid": return new BoundBuiltin(syntax, BuiltinVariable.Gid, IntegerType.UInt64);
            case "nsecs": return new BoundBuiltin(syntax, BuiltinVariable.Nsecs, IntegerType.UInt64, clock);
            case "elapsed": return new BoundBuiltin(syntax, BuiltinVariable.Elapsed, IntegerType.UInt64);
            case "cpu": return new BoundBuiltin(syntax, BuiltinVariable.Cpu, IntegerType.UInt32);
            case "ncpus": return new BoundBuiltin(syntax, BuiltinVariable.Ncpus, IntegerType.UInt64);
            case "numaid": return new BoundBuiltin(syntax, BuiltinVariable.NumaId, IntegerType.UInt32);
            case "comm": return new BoundBuiltin(syntax, BuiltinVariable.Comm, new StringType(16));
            case "pcomm": return new BoundBuiltin(syntax, BuiltinVariable.ParentComm, new StringType(16));
            case "kstack":
            case "stack":
                return new BoundBuiltin(syntax, BuiltinVariable.KernelStack, new StackType(false, _settings.StackMode));
            case "ustack":
                return new BoundBuiltin(syntax, BuiltinVariable.UserStack, new StackType(true, _settings.StackMode));
            case "rand": return new BoundBuiltin(syntax, BuiltinVariable.Rand, IntegerType.UInt32);
            case "cgroup": return new BoundBuiltin(syntax, BuiltinVariable.Cgroup, IntegerType.UInt64);
            case "jiffies": return new BoundBuiltin(syntax, BuiltinVariable.Jiffies, IntegerType.UInt64);
            case "username": return new BoundBuiltin(syntax, BuiltinVariable.UserName, SimpleType.UserName);
            case "usermode": return new BoundBuiltin(syntax, BuiltinVariable.UserMode, SimpleType.Bool);
            case "ppid": return new BoundBuiltin(syntax, BuiltinVariable.Ppid, IntegerType.UInt32);
            case "probe": return new BoundBuiltin(syntax, BuiltinVariable.Probe, SimpleType.ProbeName);
            case "probetype": return new BoundBuiltin(syntax, BuiltinVariable.ProbeType, new StringType(16));
            case "curtask": return new BoundBuiltin(syntax, BuiltinVariable.Curtask, new PointerType(KernelStruct("task_struct", false) ?? new StructType("task_struct", false, 0, System.Collections.Immutable.ImmutableArray<StructMember>.Empty)));
            case "ctx": return new BoundBuiltin(syntax, BuiltinVariable.Context, ContextType());
            case "cpid":
                if (!_options.HasChildProcess)
                {
                    Report(SemanticDiagnostics.InvalidArgument, syntax, "cpid cannot be used without the -c option");
                }

                return new BoundBuiltin(syntax, BuiltinVariable.Cpid, IntegerType.UInt32);
            case "has_cpid":
                return new BoundLiteral(syntax, SimpleType.Bool, _options.HasChildProcess ? 1UL : 0UL);
            case "retval":
                if (!ProviderAllows(ProviderFacts.HasReturnValue))
                {
                    Report(SemanticDiagnostics.BuiltinNotInProbe, syntax, "retval", "kretprobe, uretprobe and fexit");
                }

                return new BoundBuiltin(syntax, BuiltinVariable.Retval, IntegerType.Int64);
            case "func":
                if (!ProviderAllows(ProviderFacts.HasFunc))
                {
                    Report(SemanticDiagnostics.BuiltinNotInProbe, syntax, "func", "kprobe, kretprobe, uprobe, uretprobe, usdt, fentry and fexit");
                }

                return new BoundBuiltin(syntax, BuiltinVariable.Func, _provider is { } p && ProviderFacts.IsUserProbe(p) ? SimpleType.UserSymbol : SimpleType.KernelSymbol);
            case "args":
                if (!ProviderAllows(ProviderFacts.HasArgs))
                {
                    Report(SemanticDiagnostics.BuiltinNotInProbe, syntax, "args", "tracepoint, rawtracepoint, fentry, fexit and uprobe");
                }

                return BindArgs(syntax);
        }

        if (BuiltinCatalog.IsRegisterArgument(name))
        {
            int n = int.Parse(name.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture);
            if (!ProviderAllows(ProviderFacts.HasRegisterArguments))
            {
                Report(SemanticDiagnostics.BuiltinNotInProbe, syntax, name, "kprobe, uprobe, usdt and rawtracepoint");
            }

            return new BoundBuiltin(syntax, BuiltinVariable.Argument, IntegerType.UInt64, n);
        }

        if (name.StartsWith("sarg", StringComparison.Ordinal) && int.TryParse(name.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out int s))
        {
            return new BoundBuiltin(syntax, BuiltinVariable.StackArgument, IntegerType.UInt64, s);
        }

        return null;
    }

    private BoundExpression BindArgs(SyntaxNode syntax)
    {
        var type = ArgsType(syntax);
        return type is null ? new BoundError(syntax) : new BoundBuiltin(syntax, BuiltinVariable.Args, type);
    }

    /// <summary>
    /// The <c>args</c> struct of the current probe: for tracepoints, the fields of the format file, which must be
    /// the same for every attach point of the probe. Null (with a diagnostic) when it cannot be typed.
    /// </summary>
    private StructType? ArgsType(SyntaxNode syntax)
    {
        if (_argsType is not null)
        {
            return _argsType;
        }

        if (_provider == ProbeProviderKind.RawTracepoint)
        {
            _argsType = RawTracepointArgsType(syntax);
            return _argsType;
        }

        if (_provider is ProbeProviderKind.Uprobe or ProbeProviderKind.Uretprobe)
        {
            _argsType = UprobeArgsType(syntax);
            return _argsType;
        }

        if (_provider != ProbeProviderKind.Tracepoint)
        {
            Report(SemanticDiagnostics.Unsupported, syntax, $"args in {(_provider is { } p ? ProviderFacts.CanonicalName(p) : "this")} probes");
            return null;
        }

        if (Catalog is not { } catalog)
        {
            Report(SemanticDiagnostics.UnknownTracepoint, syntax, "args needs the tracepoint catalog (tracefs), which is not available");
            return null;
        }

        StructType? type = null;
        foreach (var name in _tracepoints)
        {
            if (catalog.GetTracepoint(name.Category, name.Name) is not { } tracepoint)
            {
                Report(SemanticDiagnostics.UnknownTracepoint, syntax, $"cannot read the format of tracepoint {name}");
                return null;
            }

            var candidate = TracepointArguments.ToStructType(tracepoint, _settings.MaxStrlen, KernelStruct);
            if (type is null)
            {
                type = candidate;
            }
            else if (!type.Members.SequenceEqual(candidate.Members))
            {
                Report(SemanticDiagnostics.InvalidArgument, syntax, $"args differs between {type.Name} and {candidate.Name}: use one probe per tracepoint format");
                return null;
            }
        }

        _argsType = type;
        return type;
    }

    /// <summary>
    /// The <c>args</c> of a raw tracepoint probe: its context is the array of the event's u64 arguments, so argument
    /// N is a member at offset 8*N typed from BTF (the <c>btf_trace_&lt;event&gt;</c> prototype, without its leading
    /// <c>void *</c>). Pointers are kernel pointers, so <c>args.p-&gt;pid</c> reads the kernel struct. Every event of
    /// the probe must have the same arguments.
    /// </summary>
    private StructType? RawTracepointArgsType(SyntaxNode syntax)
    {
        if (Catalog is not { } catalog || catalog.KernelBtf is not { } btf)
        {
            Report(SemanticDiagnostics.Unsupported, syntax, "args in rawtracepoint probes without kernel BTF");
            return null;
        }

        var converter = BtfTypeConverter.For(btf);
        StructType? type = null;
        foreach (var point in _points.Where(p => p.Provider == ProbeProviderKind.RawTracepoint))
        {
            string pattern = point.Function ?? point.Target ?? string.Empty;
            var events = point.HasWildcard ? ProbeCatalog.Listing.ProbeMatcher.MatchRawTracepoints(catalog, pattern).ToList() : [pattern];
            foreach (var name in events)
            {
                if (catalog.GetRawTracepointArguments(name) is not { } parameters)
                {
                    Report(SemanticDiagnostics.InvalidArgument, syntax, $"args: no BTF for raw tracepoint {name} (no btf_trace_{name} in the kernel's BTF)");
                    return null;
                }

                var members = parameters.Select((parameter, i) => new StructMember(
                    string.IsNullOrEmpty(parameter.Name) ? $"arg{i}" : parameter.Name,
                    i * 8,
                    converter.Convert(parameter.TypeId) is PointerType pointer ? new PointerType(pointer.Element, isKernel: true) : converter.Convert(parameter.TypeId))).ToImmutableArray();
                var candidate = new StructType($"rawtracepoint_{name}", false, Math.Max(8, members.Length * 8), members, isContext: true);
                if (type is null)
                {
                    type = candidate;
                }
                else if (!type.Members.SequenceEqual(candidate.Members))
                {
                    Report(SemanticDiagnostics.InvalidArgument, syntax, $"args differs between {type.Name} and {candidate.Name}: use one probe per raw tracepoint");
                    return null;
                }
            }
        }

        if (type is null)
        {
            Report(SemanticDiagnostics.InvalidArgument, syntax, "args: the probe matches no raw tracepoint");
        }

        return type;
    }

    /// <summary>A kernel struct or union from BTF, or null when BTF or the type is missing.</summary>
    private StructType? KernelStruct(string name, bool isUnion) =>
        Catalog?.KernelBtf is { } btf ? BtfTypeConverter.For(btf).FindStruct(name, isUnion) : null;
}
