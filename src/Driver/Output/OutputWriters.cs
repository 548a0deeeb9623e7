
namespace BtLang.Driver.Output;

/// <summary>Creates the output writer for <c>-f</c>/<c>-o</c>/<c>-B</c>, and shared helpers.</summary>
public static class OutputWriters
{
    /// <summary>Buffer size of the output stream writer (large, so big map dumps are written in few syscalls).</summary>
    public const int BufferSize = 1 << 16;

    /// <summary>A writer in <paramref name="format"/> over <paramref name="output"/>; text mode sends the banner and
    /// lost-event reports to <paramref name="diagnostics"/>.</summary>
    public static IOutputWriter Create(OutputFormat format, TextWriter output, TextWriter diagnostics, OutputBufferMode mode = OutputBufferMode.Line) =>
        format == OutputFormat.Json
            ? new JsonOutputWriter(output, mode)
            : new TextOutputWriter(output, diagnostics, mode);

    /// <summary>A UTF-8 (no BOM, raw bytes kept: see <see cref="RawText"/>) writer with a large buffer over stdout, or over <paramref name="path"/> (<c>-o FILE</c>).</summary>
    public static TextWriter OpenOutput(string? path = null)
    {
        Stream stream = path is null
            ? Console.OpenStandardOutput()
            : new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, BufferSize);
        return new StreamWriter(stream, RawText.Encoding, BufferSize) { AutoFlush = false };
    }

    /// <summary>Non-empty maps in the order bpftrace prints them at exit: ordinal by name.</summary>
    public static IEnumerable<MapSnapshot> ExitOrder(IEnumerable<MapSnapshot> maps) =>
        maps.Where(m => !m.IsEmpty).OrderBy(m => m.Map.Name, StringComparer.Ordinal);
}
