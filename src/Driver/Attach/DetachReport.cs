using System.Collections.Immutable;
using BtLang.Diagnostics;

namespace BtLang.Driver.Attach;

/// <summary>How a detach went: how many links, how long, and warnings for links the kernel refused to detach.</summary>
public sealed record DetachReport(int LinkCount, TimeSpan Elapsed, ImmutableArray<Diagnostic> Warnings);
