using System.Collections.Immutable;
using BtLang.Diagnostics;
using BtLang.Driver.LibBpf;

namespace BtLang.Driver.Attach;

/// <summary>
/// The outcome of attaching one request: the links made (one per CPU for profile/software/hardware probes,
/// one per expanded tracepoint), or an error. <see cref="IsMissingProbe"/> marks errors the
/// <see cref="MissingProbePolicy"/> may skip.
/// </summary>
public sealed class AttachResult
{
    private AttachResult(ImmutableArray<BpfLink> links, int attachPointCount, Diagnostic? error, bool isMissingProbe)
    {
        Links = links;
        AttachPointCount = attachPointCount;
        Error = error;
        IsMissingProbe = isMissingProbe;
    }

    public ImmutableArray<BpfLink> Links { get; }

    /// <summary>Attach points served (several for a wildcard tracepoint; one for a profile probe on every CPU).</summary>
    public int AttachPointCount { get; }

    public Diagnostic? Error { get; }

    public bool IsMissingProbe { get; }

    public bool Succeeded => Error is null;

    internal static AttachResult Success(ImmutableArray<BpfLink> links, int attachPointCount) => new(links, attachPointCount, null, false);

    internal static AttachResult Failure(Diagnostic error, bool isMissingProbe = false) =>
        new(ImmutableArray<BpfLink>.Empty, 0, error, isMissingProbe);
}
