using System.Diagnostics;

namespace BtLang.LanguageServer.Server;

/// <summary>Sends StreamJsonRpc's own warnings and errors to the server log (never to standard output).</summary>
internal sealed class StderrTraceListener : TraceListener
{
    private readonly ServerLog _log;

    public StderrTraceListener(ServerLog log) => _log = log;

    public override void Write(string? message)
    {
    }

    public override void WriteLine(string? message)
    {
        if (!string.IsNullOrEmpty(message))
            _log.Write("jsonrpc", message);
    }
}
