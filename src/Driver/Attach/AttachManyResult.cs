using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using BtLang.Diagnostics;

namespace BtLang.Driver.Attach;

/// <summary>
/// The outcome of <see cref="ProbeAttacher.AttachMany"/>: on success the attached probes (plus warnings for
/// skipped missing probes); on failure nothing stays attached and <see cref="Diagnostics"/> names the attach
/// point that failed and why.
/// </summary>
public sealed class AttachManyResult
{
    internal AttachManyResult(AttachedProbes? probes, ImmutableArray<Diagnostic> diagnostics, TimeSpan elapsed, DetachReport? rollback, ImmutableArray<string> notes = default)
    {
        Notes = notes.IsDefault ? ImmutableArray<string>.Empty : notes;
        Probes = probes;
        Diagnostics = diagnostics;
        Elapsed = elapsed;
        Rollback = rollback;
    }

    public AttachedProbes? Probes { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>What <c>-v</c> tells about how the probes were attached (syscall routing).</summary>
    public ImmutableArray<string> Notes { get; }

    /// <summary>Time spent attaching (and, after a failure, detaching what had been attached).</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>After a failure: the detach of the links attached before it.</summary>
    public DetachReport? Rollback { get; }

    [MemberNotNullWhen(true, nameof(Probes))]
    public bool Succeeded => Probes is not null;
}
