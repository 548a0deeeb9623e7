using System.Collections.Immutable;
using BtLang.Semantics.ProbeCatalog.Providers;
using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal sealed partial class Binder
{
    /// <summary><c>macaddr(a)</c>: six bytes from an array or string of at least six, or read from an address.</summary>
    private BoundExpression BindMacAddress(CallExpressionSyntax call)
    {
        var argument = BindExpression(call.ArgumentList.Arguments[0]);
        if (argument.Type.IsError)
        {
            return new BoundError(call);
        }

        bool bytes = argument.Type is ArrayType or StringType;
        if (bytes ? argument.Type.Size < 6 : !TypeFacts.IsIntegerLike(argument.Type))
        {
            Report(SemanticDiagnostics.InvalidArgument, call.ArgumentList.Arguments[0],
                $"macaddr() expects an array of at least 6 bytes or an address, got '{argument.Type}'");
            return new BoundError(call);
        }

        return new BoundCall(call, "macaddr", ImmutableArray.Create(argument), SimpleType.MacAddress);
    }

    /// <summary><c>cgroup_path(id [, filter])</c>: the id now; the path (hierarchies matching the filter) in user space.</summary>
    private BoundExpression BindCgroupPath(CallExpressionSyntax call)
    {
        var args = call.ArgumentList.Arguments;
        var id = BindIntegerExpression(args[0], "cgroup_path()");
        string? filter = args.Count == 2 ? LiteralString(args[1], "cgroup_path()") : null;
        return new BoundCall(call, "cgroup_path", ImmutableArray.Create(id), SimpleType.CgroupPath, filter);
    }

    /// <summary><c>override(rc)</c>: only kprobes can override the return value of the probed function.</summary>
    private BoundExpression BindOverride(CallExpressionSyntax call)
    {
        var rc = BindIntegerExpression(call.ArgumentList.Arguments[0], "override()");
        if (!ProviderAllows(p => p == ProbeProviderKind.Kprobe))
        {
            Report(SemanticDiagnostics.BuiltinNotInProbe, call.Identifier, "override", "kprobe");
            return new BoundError(call);
        }

        return new BoundCall(call, "override", ImmutableArray.Create(rc), SimpleType.Void);
    }
}
