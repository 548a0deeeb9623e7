using System.Text;

namespace BtLang.Semantics.ProbeCatalog.Btf;

/// <summary>Prints BTF types as C text, the way bpftrace's listings show them.</summary>
internal static class BtfTypeFormatter
{
    private const int MaxDepth = 32;

    public static string Format(BtfTypeTable table, int id, int depth)
    {
        if (depth > MaxDepth)
            return "...";
        var type = table.GetTypeOrVoid(id);
        switch (type.Kind)
        {
            case BtfKind.Void:
                return "void";
            case BtfKind.Int:
            case BtfKind.Float:
            case BtfKind.Typedef:
                return type.Name;
            case BtfKind.Struct:
                return type.Name.Length == 0 ? "struct {...}" : "struct " + type.Name;
            case BtfKind.Union:
                return type.Name.Length == 0 ? "union {...}" : "union " + type.Name;
            case BtfKind.Enum:
            case BtfKind.Enum64:
                return type.Name.Length == 0 ? "enum {...}" : "enum " + type.Name;
            case BtfKind.Forward:
                return (type.IsUnionForward ? "union " : "struct ") + type.Name;
            case BtfKind.Const:
                return "const " + Format(table, type.TypeId, depth + 1);
            case BtfKind.Volatile:
                return "volatile " + Format(table, type.TypeId, depth + 1);
            case BtfKind.Restrict:
                return Format(table, type.TypeId, depth + 1) + " restrict";
            case BtfKind.TypeTag:
                return Format(table, type.TypeId, depth + 1);
            case BtfKind.Pointer:
            {
                var target = table.StripQualifiers(type.TypeId);
                if (target.Kind == BtfKind.FunctionProto)
                    return FormatFunctionPointer(table, target, "*", depth);
                string inner = Format(table, type.TypeId, depth + 1);
                return inner.EndsWith('*') ? inner + "*" : inner + " *";
            }
            case BtfKind.Array:
                return Format(table, type.TypeId, depth + 1) + "[" + type.ArrayLength + "]";
            case BtfKind.FunctionProto:
                return FormatFunctionPointer(table, type, "", depth);
            case BtfKind.Function:
                return type.Name;
            case BtfKind.Variable:
                return Format(table, type.TypeId, depth + 1);
            case BtfKind.DataSection:
                return type.Name;
            case BtfKind.DeclTag:
                return Format(table, type.TypeId, depth + 1);
            default:
                return type.Name;
        }
    }

    public static string FormatDeclaration(BtfTypeTable table, int typeId, string name)
    {
        var type = table.GetTypeOrVoid(typeId);
        if (type.Kind == BtfKind.Array)
        {
            var dims = new StringBuilder();
            while (type.Kind == BtfKind.Array)
            {
                dims.Append('[').Append(type.ArrayLength).Append(']');
                type = table.GetTypeOrVoid(type.TypeId);
            }
            return $"{Format(table, type.Id, 0)} {name}{dims}";
        }
        if (type.Kind == BtfKind.Pointer && table.StripQualifiers(type.TypeId).Kind == BtfKind.FunctionProto)
            return FormatFunctionPointer(table, table.StripQualifiers(type.TypeId), "*" + name, 0);
        string text = Format(table, typeId, 0);
        return text.EndsWith('*') ? text + name : text + " " + name;
    }

    private static string FormatFunctionPointer(BtfTypeTable table, BtfType proto, string inner, int depth)
    {
        var builder = new StringBuilder();
        builder.Append(Format(table, proto.TypeId, depth + 1)).Append(" (").Append(inner).Append(")(");
        for (int i = 0; i < proto.Parameters.Length; i++)
        {
            if (i > 0)
                builder.Append(", ");
            var parameter = proto.Parameters[i];
            builder.Append(parameter.TypeId == 0 && i == proto.Parameters.Length - 1 ? "..." : Format(table, parameter.TypeId, depth + 1));
        }
        if (proto.Parameters.Length == 0)
            builder.Append("void");
        return builder.Append(')').ToString();
    }

    /// <summary>A struct/union/enum definition as C text (tab-indented members, nested anonymous types inline).</summary>
    public static IEnumerable<string> FormatDefinition(BtfTypeTable table, BtfType type)
    {
        var lines = new List<string>();
        AppendDefinition(table, type, 0, lines, suffix: ";");
        return lines;
    }

    private static void AppendDefinition(BtfTypeTable table, BtfType type, int indent, List<string> lines, string suffix)
    {
        string pad = new('\t', indent);
        string keyword = type.Kind switch
        {
            BtfKind.Union => "union",
            BtfKind.Enum or BtfKind.Enum64 => "enum",
            _ => "struct",
        };
        lines.Add(type.Name.Length == 0 ? $"{pad}{keyword} {{" : $"{pad}{keyword} {type.Name} {{");
        if (type.Kind is BtfKind.Enum or BtfKind.Enum64)
        {
            foreach (var value in type.EnumValues)
                lines.Add($"{pad}\t{value.Name} = {value.Value},");
        }
        else
        {
            foreach (var member in type.Members)
            {
                var memberType = table.GetTypeOrVoid(member.TypeId);
                if (memberType.IsComposite && memberType.Name.Length == 0 && indent < 8)
                {
                    AppendDefinition(table, memberType, indent + 1, lines, member.Name.Length == 0 ? ";" : $" {member.Name};");
                    continue;
                }
                string declaration = member.Name.Length == 0 ? Format(table, member.TypeId, 0) : FormatDeclaration(table, member.TypeId, member.Name);
                lines.Add(member.IsBitfield ? $"{pad}\t{declaration}: {member.BitfieldSize};" : $"{pad}\t{declaration};");
            }
        }
        lines.Add($"{pad}}}{suffix}");
    }
}
