using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace BtLang.Semantics.ProbeCatalog.Tracepoints;

/// <summary>
/// The tracepoint catalog bundled with BtLang as an embedded resource, generated from a real kernel's tracefs
/// (see <see cref="Write"/>). Used when tracefs cannot be read, e.g. by the language server without root.
/// </summary>
/// <remarks>
/// Format (UTF-8 text, gzip-compressed): a line <c>E category:event</c> starts an event; each following line
/// <c>F offset size signed declaration</c> (tab separated) is one field, with the declaration as the format file wrote it.
/// </remarks>
public sealed class BundledTracepointProvider : ITracepointProvider
{
    /// <summary>The manifest name of the embedded resource.</summary>
    public const string ResourceName = "BtLang.Semantics.ProbeCatalog.tracepoints.txt.gz";

    private static readonly Lazy<BundledTracepointProvider> LazyDefault = new(LoadEmbedded);
    private readonly FrozenDictionary<TracepointName, Func<TracepointEvent>> _events;
    private readonly ConcurrentDictionary<TracepointName, TracepointEvent> _parsed = new();

    /// <summary>Builds a provider over a set of events.</summary>
    public BundledTracepointProvider(IEnumerable<TracepointEvent> events)
        : this(events.ToDictionary(e => new TracepointName(e.Category, e.Name), e => (Func<TracepointEvent>)(() => e)))
    {
    }

    private BundledTracepointProvider(Dictionary<TracepointName, Func<TracepointEvent>> events)
    {
        _events = events.ToFrozenDictionary();
        var names = _events.Keys.ToList();
        names.Sort(TracefsTracepointProvider.CompareNames);
        Names = names;
    }

    /// <summary>The catalog embedded in this assembly (empty if the resource is missing).</summary>
    public static BundledTracepointProvider Default => LazyDefault.Value;

    /// <inheritdoc />
    public IReadOnlyList<TracepointName> Names { get; }

    /// <inheritdoc />
    public TracepointEvent? GetEvent(string category, string name)
    {
        var key = new TracepointName(category, name);
        if (_parsed.TryGetValue(key, out var parsed))
            return parsed;
        return _events.TryGetValue(key, out var factory) ? _parsed.GetOrAdd(key, _ => factory()) : null;
    }

    /// <summary>Writes events in the bundled format (gzip-compressed).</summary>
    public static void Write(Stream output, IEnumerable<TracepointEvent> events)
    {
        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var e in events)
        {
            writer.WriteLine($"E {e.Category}:{e.Name}");
            foreach (var f in e.AllFields)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"F\t{f.Offset}\t{f.Size}\t{(f.IsSigned ? 1 : 0)}\t{f.Declaration}"));
            }
        }
    }

    /// <summary>Reads events in the bundled format (gzip-compressed). Only the names are indexed here; each event's
    /// fields are parsed when it is first asked for, so loading costs little more than decompressing.</summary>
    public static BundledTracepointProvider Read(Stream input)
    {
        string text;
        using (var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true))
        using (var reader = new StreamReader(gzip, Encoding.UTF8))
            text = reader.ReadToEnd();
        var events = new Dictionary<TracepointName, Func<TracepointEvent>>();
        int position = 0;
        while (position < text.Length)
        {
            int lineEnd = text.IndexOf('\n', position);
            if (lineEnd < 0)
                lineEnd = text.Length;
            if (text.AsSpan(position).StartsWith("E "))
            {
                int next = text.IndexOf("\nE ", lineEnd, StringComparison.Ordinal);
                int bodyEnd = next < 0 ? text.Length : next + 1;
                if (TracepointName.TryParse(text[(position + 2)..lineEnd], out var name))
                {
                    int bodyStart = Math.Min(lineEnd + 1, bodyEnd);
                    events[name] = () => ParseEvent(name, text.AsSpan(bodyStart, bodyEnd - bodyStart));
                }
                position = bodyEnd;
            }
            else
            {
                position = lineEnd + 1;
            }
        }
        return new BundledTracepointProvider(events);
    }

    private static TracepointEvent ParseEvent(TracepointName name, ReadOnlySpan<char> body)
    {
        var fields = ImmutableArray.CreateBuilder<TracepointField>();
        foreach (var range in body.Split('\n'))
        {
            var line = body[range].ToString();
            if (!line.StartsWith("F\t", StringComparison.Ordinal))
                continue;
            var parts = line.Split('\t', 5);
            if (parts.Length == 5
                && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int offset)
                && int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out int size)
                && TracepointFormatParser.TryParseDeclaration(parts[4], out var fieldName, out var type, out var length))
            {
                fields.Add(new TracepointField(fieldName, type, length, offset, size, parts[3] == "1"));
            }
        }
        return new TracepointEvent(name.Category, name.Name, null, fields.ToImmutable());
    }

    private static BundledTracepointProvider LoadEmbedded()
    {
        using var stream = typeof(BundledTracepointProvider).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? new BundledTracepointProvider(Array.Empty<TracepointEvent>()) : Read(stream);
    }
}
