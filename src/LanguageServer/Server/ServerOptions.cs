using BtLang.Semantics.ProbeCatalog;

namespace BtLang.LanguageServer.Server;

/// <summary>How a <see cref="LanguageServerHost"/> is set up.</summary>
public sealed record ServerOptions
{
    /// <summary>Where probe completions come from (the running system by default; tests use fixtures).</summary>
    public IProbeCatalog? Catalog { get; init; }

    /// <summary>
    /// How long diagnostics wait after the last edit before they are computed and pushed. Short enough that diagnostics
    /// arrive within 50 ms of an edit (analysis of a 1,000-line document after an edit takes ~3-9 ms, incremental),
    /// long enough that a burst of changes sent together (a paste, an undo, auto-closed brackets) is analysed once.
    /// </summary>
    public TimeSpan DiagnosticsDelay { get; init; } = TimeSpan.FromMilliseconds(25);

    /// <summary>Where log lines go.</summary>
    public ServerLog Log { get; init; } = ServerLog.Null;

    /// <summary>
    /// Test seam: awaited with the method name and the request's token before a document request does its work, so a
    /// test can hold a request until its client cancels it instead of racing the work (null in the product).
    /// </summary>
    internal Func<string, CancellationToken, Task>? BeforeDocumentRequest { get; init; }
}
