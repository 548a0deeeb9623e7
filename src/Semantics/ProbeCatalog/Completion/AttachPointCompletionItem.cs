namespace BtLang.Semantics.ProbeCatalog.Completion;

/// <summary>One completion of the attach-point segment under the cursor.</summary>
/// <param name="Label">The text to insert (the whole segment, e.g. <c>sys_enter_openat</c>).</param>
/// <param name="Kind">What it names.</param>
/// <param name="Detail">A short detail, e.g. the syntax of a provider or <c>6 fields</c>.</param>
/// <param name="Documentation">Longer documentation (field or argument list), or null.</param>
public sealed record AttachPointCompletionItem(string Label, AttachPointCompletionKind Kind, string? Detail, string? Documentation);
