using System.Collections.Concurrent;

namespace BtLang.Semantics.ProbeCatalog.Tracepoints;

/// <summary>Tracepoints read from a tracefs directory (the real one or a fixture with the same layout).</summary>
public sealed class TracefsTracepointProvider : ITracepointProvider
{
    private readonly string _root;
    private readonly Lazy<IReadOnlyList<TracepointName>> _names;
    private readonly ConcurrentDictionary<TracepointName, TracepointEvent?> _events = new();

    /// <summary>Reads tracepoints under <paramref name="tracefsRoot"/> (the directory holding <c>events/</c>).</summary>
    public TracefsTracepointProvider(string tracefsRoot)
    {
        _root = tracefsRoot;
        _names = new Lazy<IReadOnlyList<TracepointName>>(ReadNames);
    }

    /// <summary>The tracefs root.</summary>
    public string Root => _root;

    /// <inheritdoc />
    public IReadOnlyList<TracepointName> Names => _names.Value;

    /// <summary>Probes a tracefs directory: mounted and readable, empty, unreadable or missing.</summary>
    public static TracefsStatus Probe(string tracefsRoot)
    {
        if (!Directory.Exists(tracefsRoot))
            return TracefsStatus.Missing;
        try
        {
            string events = Path.Combine(tracefsRoot, "events");
            if (!Directory.Exists(events))
            {
                return Directory.EnumerateFileSystemEntries(tracefsRoot).Any() ? TracefsStatus.NotReadable : TracefsStatus.NotMounted;
            }
            _ = Directory.EnumerateDirectories(events).FirstOrDefault();
            return TracefsStatus.Available;
        }
        catch (UnauthorizedAccessException)
        {
            return TracefsStatus.NotReadable;
        }
        catch (IOException)
        {
            return TracefsStatus.NotReadable;
        }
    }

    /// <inheritdoc />
    public TracepointEvent? GetEvent(string category, string name)
    {
        if (category.Contains('/') || name.Contains('/') || category is "." or ".." || name is "." or "..")
            return null;
        return _events.GetOrAdd(new TracepointName(category, name), key =>
        {
            string path = Path.Combine(_root, "events", key.Category, key.Name, "format");
            try
            {
                return File.Exists(path) ? TracepointFormatParser.Parse(key.Category, key.Name, File.ReadAllText(path)) : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        });
    }

    private IReadOnlyList<TracepointName> ReadNames()
    {
        var names = new List<TracepointName>();
        try
        {
            // available_events lists exactly the attachable events in one read; the events/ tree also has
            // ftrace's internal formats, which cannot be attached to.
            string available = Path.Combine(_root, "available_events");
            if (File.Exists(available))
            {
                foreach (var line in File.ReadLines(available))
                {
                    if (TracepointName.TryParse(line.Trim(), out var tp))
                        names.Add(tp);
                }
            }
            else
            {
                string events = Path.Combine(_root, "events");
                foreach (var categoryDir in Directory.EnumerateDirectories(events))
                {
                    string category = Path.GetFileName(categoryDir);
                    if (category == "ftrace")
                        continue;
                    foreach (var eventDir in Directory.EnumerateDirectories(categoryDir))
                        names.Add(new TracepointName(category, Path.GetFileName(eventDir)));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable tracefs yields no names; Probe() reports why.
        }
        names.Sort(CompareNames);
        return names.Distinct().ToArray();
    }

    internal static int CompareNames(TracepointName a, TracepointName b)
    {
        // bpftrace sorts the joined "category:name" text byte-wise.
        return string.CompareOrdinal(a.ToString(), b.ToString());
    }
}
