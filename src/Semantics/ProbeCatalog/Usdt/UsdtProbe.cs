using System.Collections.Immutable;

namespace BtLang.Semantics.ProbeCatalog.Usdt;

/// <summary>One USDT probe site from a <c>.note.stapsdt</c> note.</summary>
/// <param name="Path">The binary or library the probe is in.</param>
/// <param name="Provider">The provider name (first argument of <c>DTRACE_PROBE</c>/<c>STAP_PROBE</c>).</param>
/// <param name="Name">The probe name.</param>
/// <param name="Address">The probe site's virtual address (adjusted for prelink through <c>.stapsdt.base</c>).</param>
/// <param name="FileOffset">The file offset of the site, which the uprobe attaches to.</param>
/// <param name="Base">The <c>.stapsdt.base</c> address recorded in the note.</param>
/// <param name="SemaphoreAddress">The semaphore's virtual address, or 0 if the probe has none.</param>
/// <param name="SemaphoreFileOffset">The semaphore's file offset (the uprobe ref_ctr_offset), or 0.</param>
/// <param name="ArgumentText">The raw argument spec string, e.g. <c>-4@%edi 8@%rax</c>.</param>
/// <param name="Arguments">The parsed arguments (empty if the spec could not be parsed; see <paramref name="ArgumentsValid"/>).</param>
/// <param name="ArgumentsValid">False if the spec string could not be parsed.</param>
public sealed record UsdtProbe(
    string Path,
    string Provider,
    string Name,
    ulong Address,
    ulong FileOffset,
    ulong Base,
    ulong SemaphoreAddress,
    ulong SemaphoreFileOffset,
    string ArgumentText,
    ImmutableArray<UsdtArgument> Arguments,
    bool ArgumentsValid)
{
    /// <summary>True if the probe has an is-enabled semaphore.</summary>
    public bool HasSemaphore => SemaphoreAddress != 0;
}
