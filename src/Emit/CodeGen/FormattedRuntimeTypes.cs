using BtLang.Emit.Metadata;
using BtLang.Semantics.Binding;

namespace BtLang.Emit.CodeGen;

/// <summary>
/// strftime() and cgroup_path() values carry their format or filter in the runtime type, not in the stored bytes. For
/// printf arguments the call site supplies it; a map key or value gets it here from the calls assigned to the map
/// (<c>@[strftime("%H:%M", nsecs)] = count()</c> prints its keys as hours and minutes, as in bpftrace).
/// </summary>
internal static class FormattedRuntimeTypes
{
    /// <summary><paramref name="type"/> with the format of the first strftime/cgroup_path call among
    /// <paramref name="expressions"/> (the expressions stored in that key or value), field by field for tuples.</summary>
    public static RuntimeType Apply(RuntimeType type, IEnumerable<BoundExpression?> expressions)
    {
        foreach (var expression in expressions)
        {
            type = Apply(type, expression);
        }

        return type;
    }

    private static RuntimeType Apply(RuntimeType type, BoundExpression? expression)
    {
        switch (expression)
        {
            case BoundCall { Function: "strftime", Text: { } format } when type.Kind == RuntimeTypeKind.Timestamp && type.Name is null:
                return type with { Name = format };
            case BoundCall { Function: "cgroup_path", Text: { } filter } when type.Kind == RuntimeTypeKind.CgroupPath && type.Name is null:
                return type with { Name = filter };
            case BoundTuple tuple when type.Kind == RuntimeTypeKind.Tuple && tuple.Elements.Length == type.Fields.Length:
                var fields = type.Fields.ToBuilder();
                for (int i = 0; i < fields.Count; i++)
                {
                    fields[i] = fields[i] with { Type = Apply(fields[i].Type, tuple.Elements[i]) };
                }

                return type with { Fields = fields.MoveToImmutable() };
            default:
                return type;
        }
    }
}
