using System.Collections.Immutable;

namespace BtLang.Semantics;

/// <summary>Immutable inputs of a compilation besides the source: positional parameters, safety, settings.</summary>
public sealed record CompilationOptions
{
    public static CompilationOptions Default { get; } = new();

    /// <summary><c>$1</c>, <c>$2</c>, ... as given after the script on the command line.</summary>
    public ImmutableArray<string> PositionalParameters { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Named parameters after <c>--</c> on the command line (<c>--verbose</c>, <c>--limit=10</c>), read by <c>getopt()</c>.</summary>
    public ImmutableArray<string> NamedParameters { get; init; } = ImmutableArray<string>.Empty;

    /// <summary><c>-I DIR</c>: where the script's <c>#include</c> files are searched.</summary>
    public ImmutableArray<string> IncludeDirectories { get; init; } = ImmutableArray<string>.Empty;

    /// <summary><c>--include FILE</c>: headers included before the script's own C definitions.</summary>
    public ImmutableArray<string> IncludeFiles { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>
    /// Read the script's <c>#include</c>/<c>#define</c> lines and C definitions through libclang (on by default).
    /// The language server may turn it off to stay free of native compiler libraries.
    /// </summary>
    public bool ReadCDefinitions { get; init; } = true;

    /// <summary><c>--unsafe</c>: allows system(), signal() and other destructive functions.</summary>
    public bool AllowUnsafe { get; init; }

    /// <summary>
    /// The configuration variables as the environment set them (<see cref="Configuration.ConfigSettings.FromEnvironment"/>);
    /// the script's config block applies on top, except to the variables the environment set, as in bpftrace.
    /// </summary>
    public Configuration.ConfigSettings Config { get; init; } = Configuration.ConfigSettings.Default;

    /// <summary>
    /// Where tracepoint fields, kernel types and probe names come from. Null means the machine's own catalog
    /// (<see cref="ProbeCatalog.SystemProbeCatalog.Shared"/>: tracefs when readable, else a bundled list).
    /// </summary>
    public ProbeCatalog.IProbeCatalog? Catalog { get; init; }

    /// <summary>True when the program is started with <c>-c CMD</c> (<c>cpid</c> is valid).</summary>
    public bool HasChildProcess { get; init; }
}
