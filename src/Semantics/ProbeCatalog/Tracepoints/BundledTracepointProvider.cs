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
    private readonly FrozenDictionary<TracepointName, TracepointEvent> _events;

    /// <summary>Builds a provider over a set of events.</summary>
    public BundledTracepointProvider(IEnumerable<TracepointEvent> events)
    {
        _events = events.ToFrozenDictionary(e => new TracepointName(e.Category, e.Name));
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
        => _events.GetValueOrDefault(new TracepointName(category, name));

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

    /// <summary>Reads events in the bundled format (gzip-compressed).</summary>
    public static BundledTracepointProvider Read(Stream input)
    {
        using var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var events = new List<TracepointEvent>();
        TracepointName? current = null;
        var fields = ImmutableArray.CreateBuilder<TracepointField>();
        void Flush()
        {
            if (current is { } n)
                events.Add(new TracepointEvent(n.Category, n.Name, null, fields.ToImmutable()));
            fields.Clear();
        }
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("E ", StringComparison.Ordinal))
            {
                Flush();
                current = TracepointName.TryParse(line[2..], out var tp) ? tp : null;
            }
            else if (line.StartsWith("F\t", StringComparison.Ordinal))
            {
                var parts = line.Split('\t', 5);
                if (parts.Length == 5
                    && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int offset)
                    && int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out int size)
                    && TracepointFormatParser.TryParseDeclaration(parts[4], out var name, out var type, out var length))
                {
                    fields.Add(new TracepointField(name, type, length, offset, size, parts[3] == "1"));
                }
            }
        }
        Flush();
        return new BundledTracepointProvider(events);
    }

    private static BundledTracepointProvider LoadEmbedded()
    {
        using var stream = typeof(BundledTracepointProvider).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? new BundledTracepointProvider([]) : Read(stream);
    }
}
