using BtLang.Semantics.ProbeCatalog.Providers;
using BtLang.Semantics.Probes;
using BtLang.Semantics.Types;

namespace BtLang.Semantics.Binding;

internal sealed partial class Binder
{
    /// <summary>The iterator of the current <c>iter:</c> probe (<c>task</c>, <c>task_file</c>, ...), else null.</summary>
    private string? _iterTarget;

    private void NoteIterator(IReadOnlyList<AttachPoint> points) =>
        _iterTarget = points.Count > 0 && points[0].Provider == ProbeProviderKind.Iter ? points[0].Function : null;

    /// <summary>
    /// <c>ctx</c>: in <c>iter:NAME</c> probes the kernel's <c>struct bpf_iter__NAME *</c> (from BTF), so that
    /// <c>ctx.task.comm</c> or <c>ctx->file->f_inode</c> read the iterated objects; elsewhere an untyped pointer.
    /// </summary>
    private BtType ContextType() =>
        _iterTarget is { } target && KernelStruct("bpf_iter__" + target, false) is { } context
            ? new PointerType(context)
            : new PointerType(SimpleType.Void);
}
