namespace BtLang.Semantics.ProbeCatalog.Tracepoints;

/// <summary>Where the tracepoint names and formats in use were read from.</summary>
public enum TracepointSource
{
    /// <summary>The live tracefs of the running kernel.</summary>
    Tracefs,

    /// <summary>The catalog bundled with BtLang (generated from a real kernel): used when tracefs is not readable.</summary>
    Bundled,

    /// <summary>Nothing: tracefs unreadable and the bundled catalog disabled.</summary>
    None,
}
