using System.Globalization;

namespace BtLang.LanguageServer.Server;

/// <summary>The server's log: one line per message on a writer (standard error; never standard output).</summary>
public sealed class ServerLog
{
    private readonly TextWriter _writer;
    private readonly object _gate = new();

    /// <summary>A log writing to <paramref name="writer"/>.</summary>
    public ServerLog(TextWriter writer) => _writer = writer;

    /// <summary>A log that drops everything.</summary>
    public static ServerLog Null { get; } = new(TextWriter.Null);

    /// <summary>Writes one message.</summary>
    public void Write(string level, string message)
    {
        lock (_gate)
        {
            _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:HH:mm:ss.fff} btlang-lsp {level}: {message}"));
            _writer.Flush();
        }
    }

    public void Info(string message) => Write("info", message);

    /// <summary>Milliseconds since the process started (for start-up figures in the log).</summary>
    public static long SinceProcessStart()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return (long)(DateTime.Now - process.StartTime).TotalMilliseconds;
    }

    public void Error(string message) => Write("error", message);
}
