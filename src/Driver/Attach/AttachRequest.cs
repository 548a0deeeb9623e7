using BtLang.Driver.LibBpf;
using BtLang.Emit.Metadata;

namespace BtLang.Driver.Attach;

/// <summary>Attach <paramref name="Program"/> to one attach point of the object metadata.</summary>
/// <param name="Program">A program of a loaded <see cref="BpfObject"/>.</param>
/// <param name="Provider">Canonical provider (<see cref="ProbeMetadata.Provider"/>): tracepoint, uprobe, profile, ...</param>
/// <param name="Point">The attach point; wildcards in tracepoint names are expanded from tracefs.</param>
public sealed record AttachRequest(BpfProgram Program, string Provider, AttachPointMetadata Point);
