using System.Collections.Immutable;
using BtLang.Diagnostics;
using BtLang.Semantics.ProbeCatalog.Dwarf;
using BtLang.Semantics.ProbeCatalog.Providers;
using BtLang.Semantics.Probes;
using BtLang.Semantics.Types;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal sealed partial class Binder
{
    /// <summary>pt_regs offsets of the x86-64 SysV argument registers rdi, rsi, rdx, rcx, r8, r9.</summary>
    private static readonly int[] ArgumentRegisterOffsets = [112, 104, 96, 88, 72, 64];

    /// <summary>
    /// The <c>args</c> of a uprobe: the function's formal parameters from the binary's DWARF debug info, each read
    /// from its SysV x86-64 argument register in the probe's <c>pt_regs</c> context (the registers <c>arg0</c>..
    /// <c>arg5</c> read). Integers, enums and bools are typed by size and signedness; pointers are user pointers
    /// (<c>char *</c> usable with <c>str()</c>). A parameter beyond the sixth or passed by value as a struct, union
    /// or float is not in an integer register: naming it is an error (BT1083), the others stay usable.
    /// </summary>
    private StructType? UprobeArgsType(SyntaxNode syntax)
    {
        var points = _points.Where(p => p.Provider == ProbeProviderKind.Uprobe).ToList();
        if (points.Count != 1 || points[0].HasWildcard || string.IsNullOrEmpty(points[0].Target) || string.IsNullOrEmpty(points[0].Function))
        {
            Report(Diagnostic.Create(UprobeDiagnostics.ArgsWildcardUprobe, Loc(syntax), string.Join(", ", points.Select(p => p.ToString()))));
            return null;
        }

        var point = points[0];
        if (Catalog is not { } catalog)
        {
            Report(Diagnostic.Create(UprobeDiagnostics.NoDebugInfo, Loc(syntax), "args in uprobes needs the probe catalog to read the binary's debug info"));
            return null;
        }

        string path = catalog.ResolveBinary(point.Target!) ?? point.Target!;
        if (!catalog.TryGetUserFunction(path, point.Function!, out var function, out string error))
        {
            Report(Diagnostic.Create(UprobeDiagnostics.NoDebugInfo, Loc(syntax), error));
            return null;
        }

        var members = ImmutableArray.CreateBuilder<StructMember>();
        var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < function.Parameters.Length; i++)
        {
            var parameter = function.Parameters[i];
            if (i >= ArgumentRegisterOffsets.Length)
            {
                unreadable[parameter.Name] = $"is argument {i + 1}: only the first 6 are in registers";
                continue;
            }

            BtType? memberType = parameter.Kind switch
            {
                DwarfValueKind.Integer => IntegerType.Get(parameter.Size * 8, parameter.IsSigned),
                DwarfValueKind.Pointer => new PointerType(parameter.PointsToChar ? IntegerType.Int8 : IntegerType.UInt8, isUser: true),
                _ => null,
            };
            if (memberType is null)
            {
                unreadable[parameter.Name] = "is passed by value as a struct, union, array or float, which is not supported";
                continue;
            }

            members.Add(new StructMember(parameter.Name, ArgumentRegisterOffsets[i], memberType));
        }

        var type = new StructType($"uprobe_{function.Name}", false, 168, members.ToImmutable(), isContext: true);
        _uprobeUnreadableArgs = (type, unreadable.ToDictionary(p => p.Key, p => (function.Parameters.First(q => q.Name == p.Key).TypeName, p.Value, function.Name)));
        return type;
    }

    /// <summary>The parameters of the last uprobe <c>args</c> type that have no register, with why.</summary>
    private (StructType Type, Dictionary<string, (string TypeName, string Reason, string Function)> Arguments)? _uprobeUnreadableArgs;

    /// <summary>Reports BT1083 when <paramref name="name"/> is a parameter of a uprobe's <c>args</c> that cannot be read.</summary>
    private bool ReportUnreadableUprobeArgument(StructType type, string name, SyntaxToken location)
    {
        if (_uprobeUnreadableArgs is not { } unreadable || !ReferenceEquals(unreadable.Type, type) ||
            !unreadable.Arguments.TryGetValue(name, out var argument))
        {
            return false;
        }

        Report(Diagnostic.Create(UprobeDiagnostics.UnreadableArgument, Loc(location), name, argument.TypeName, argument.Function, argument.Reason));
        return true;
    }
}
