using System.Collections.Immutable;

namespace BtLang.Semantics.ProbeCatalog.Providers;

/// <summary>
/// One probe provider: its canonical name, its aliases, the builtins it allows and how its attach point is written.
/// Shared by the binder (which builtins are legal), the driver (attach expansion) and the language server (completion).
/// </summary>
/// <param name="Kind">The provider.</param>
/// <param name="Name">The canonical name, e.g. <c>tracepoint</c>.</param>
/// <param name="Aliases">Other accepted names, e.g. <c>t</c>.</param>
/// <param name="Builtins">The probe-specific builtins it allows.</param>
/// <param name="SupportsWildcards">True if the attach point may contain wildcards that expand to several probes.</param>
/// <param name="Syntax">The attach point forms, for hover and help, e.g. <c>tracepoint:category:event</c>.</param>
/// <param name="Description">A one-line description for documentation.</param>
public sealed record ProbeProvider(
    ProbeProviderKind Kind,
    string Name,
    ImmutableArray<string> Aliases,
    ProbeBuiltins Builtins,
    bool SupportsWildcards,
    string Syntax,
    string Description)
{
    /// <summary>True if the provider allows the given builtin(s).</summary>
    public bool Allows(ProbeBuiltins builtin) => (Builtins & builtin) == builtin;

    /// <summary>True for return probes (<c>retval</c> is meaningful).</summary>
    public bool IsReturnProbe => Allows(ProbeBuiltins.Retval);

    /// <summary>All names, canonical first.</summary>
    public IEnumerable<string> AllNames => Aliases.Prepend(Name);
}
