using BtLang.Semantics.ProbeCatalog;

namespace BtLang.LanguageServer.Server;

/// <summary>How a <see cref="LanguageServerHost"/> is set up.</summary>
public sealed record ServerOptions
{
    /// <summary>Where probe completions come from (the running system by default; tests use fixtures).</summary>
    public IProbeCatalog? Catalog { get; init; }

    /// <summary>How long diagnostics wait after the last edit before they are computed and pushed.</summary>
    public TimeSpan DiagnosticsDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Where log lines go.</summary>
    public ServerLog Log { get; init; } = ServerLog.Null;
}
