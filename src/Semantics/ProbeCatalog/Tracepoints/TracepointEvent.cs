using System.Collections.Immutable;

namespace BtLang.Semantics.ProbeCatalog.Tracepoints;

/// <summary>A tracepoint with its record layout.</summary>
/// <param name="Category">The category (tracefs system), e.g. <c>syscalls</c>.</param>
/// <param name="Name">The event name, e.g. <c>sys_enter_openat</c>.</param>
/// <param name="Id">The tracefs event id, when known (the bundled catalog has none).</param>
/// <param name="AllFields">Every field, including the <c>common_*</c> header.</param>
public sealed record TracepointEvent(string Category, string Name, int? Id, ImmutableArray<TracepointField> AllFields)
{
    /// <summary><c>category:name</c>.</summary>
    public string FullName => $"{Category}:{Name}";

    /// <summary>The fields a script sees through <c>args</c> (common_* skipped), in record order.</summary>
    public IEnumerable<TracepointField> Fields => AllFields.Where(f => !f.IsCommon);

    /// <summary>Finds a non-common field by name.</summary>
    public TracepointField? FindField(string name) => AllFields.FirstOrDefault(f => f.Name == name && !f.IsCommon);

    /// <summary>The record size: the end of the last field.</summary>
    public int RecordSize => AllFields.Length == 0 ? 0 : AllFields.Max(f => f.Offset + f.Size);
}
