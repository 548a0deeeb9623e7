using BtLang.Diagnostics;
using BtLang.Semantics.ProbeCatalog.Elf;
using BtLang.Semantics.ProbeCatalog.Providers;
using BtLang.Semantics.Probes;
using BtLang.Syntax;

namespace BtLang.Semantics.Binding;

internal sealed partial class Binder
{
    /// <summary>
    /// A uprobe at <c>func+offset</c> (or at an address inside a known function) must be where an instruction starts,
    /// as bpftrace checks: the int3 the kernel writes would otherwise corrupt the instruction. <c>--unsafe</c> turns
    /// the error into a warning. Nothing is said when the binary or the function cannot be read: attaching reports that.
    /// </summary>
    private void CheckUprobeOffset(AttachPoint point, AttachPointSyntax syntax)
    {
        if (point.Provider is not (ProbeProviderKind.Uprobe or ProbeProviderKind.Uretprobe) || point.HasWildcard ||
            string.IsNullOrEmpty(point.Target) || Catalog is not { } catalog ||
            catalog.ResolveBinary(point.Target) is not { } path || !catalog.TryGetBinary(path, out var binary, out _))
        {
            return;
        }

        ElfFunctionSymbol? function;
        ulong offset;
        if (!string.IsNullOrEmpty(point.Function))
        {
            function = binary.FindFunctions(point.Function).FirstOrDefault();
            offset = point.Offset;
        }
        else
        {
            function = point.Address == 0 ? null : binary.FindByAddress(point.Address + point.Offset);
            offset = function is null ? 0 : point.Address + point.Offset - function.Address;
        }

        if (function is null || offset == 0)
        {
            return;
        }

        if (function.Size > 0 && offset >= function.Size)
        {
            Report(Diagnostic.Create(UprobeDiagnostics.OutsideFunction, Loc(syntax), function.Name, function.Size)
                .WithHint($"{function.Name} has {function.Size} bytes, so an offset must be below {function.Size}"));
            return;
        }

        if (InstructionBoundaries.Check(path, function, offset, out var starts) != InstructionBoundary.Inside)
        {
            return;
        }

        string where = $"{path}:{function.Name}+{offset}";
        string nearest = $"the nearest instructions of {function.Name} start at +{starts[^2]} and +{starts[^1]}";
        if (_options.AllowUnsafe)
        {
            Report(Diagnostic.Create(UprobeDiagnostics.UnsafeInsideInstruction, Loc(syntax), where).WithHint(nearest));
        }
        else
        {
            Report(Diagnostic.Create(UprobeDiagnostics.InsideInstruction, Loc(syntax), where)
                .WithHint(nearest + "; --unsafe attaches anyway, at the risk of crashing the traced program"));
        }
    }
}
