using System.Collections.Immutable;

namespace BtLang.Semantics.ProbeCatalog.Listing;

/// <summary>One probe in a <c>-l</c> listing, with the detail lines <c>-lv</c> adds (already indented).</summary>
public sealed record ProbeListing(string Probe, ImmutableArray<string> Details);
