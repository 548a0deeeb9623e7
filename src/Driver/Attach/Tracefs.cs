using System.Text.RegularExpressions;
using BtLang.Diagnostics;
using BtLang.Driver.LibBpf;

namespace BtLang.Driver.Attach;

/// <summary>
/// Finds tracefs, mounting it at <c>/sys/kernel/tracing</c> when it is not mounted (common on this machine:
/// the directory exists but is empty). libbpf itself reads <c>/sys/kernel/debug/tracing</c> when that path
/// exists and <c>/sys/kernel/tracing</c> otherwise, so the mount goes where libbpf will look.
/// </summary>
public static class Tracefs
{
    public const string DefaultPath = "/sys/kernel/tracing";
    public const string DebugfsPath = "/sys/kernel/debug/tracing";

    private static readonly object Gate = new();
    private static TracefsStatus? _status;

    /// <summary>Finds or mounts tracefs once per process and reports where it is.</summary>
    public static TracefsStatus Ensure()
    {
        lock (Gate)
        {
            return _status ??= Locate();
        }
    }

    /// <summary>Like <see cref="Ensure"/>, as diagnostics: an error when unavailable, an info note when we mounted it.</summary>
    public static Diagnostic? EnsureDiagnostic()
    {
        var status = Ensure();
        if (!status.IsAvailable)
        {
            return Diagnostic.Create(LibBpfDiagnostics.TracefsUnavailable, Location.None, DefaultPath, status.Error)
                .WithHint($"mount it as root (CAP_SYS_ADMIN is needed): mount -t tracefs nodev {DefaultPath}");
        }

        return status.MountedByUs ? Diagnostic.Create(LibBpfDiagnostics.TracefsMounted, Location.None, status.Path) : null;
    }

    /// <summary>Every tracepoint as (category, event), from <c>available_events</c>.</summary>
    public static IReadOnlyList<(string Category, string Event)> ListTracepoints()
    {
        var status = Ensure();
        if (!status.IsAvailable)
        {
            return Array.Empty<(string, string)>();
        }

        var result = new List<(string, string)>();
        foreach (var line in File.ReadLines(System.IO.Path.Combine(status.Path!, "available_events")))
        {
            int colon = line.IndexOf(':');
            if (colon > 0)
            {
                result.Add((line[..colon], line[(colon + 1)..].Trim()));
            }
        }

        return result;
    }

    /// <summary>The tracepoints matching glob patterns (<c>*</c>, <c>?</c>, <c>[abc]</c>, <c>{a,b}</c>), sorted.</summary>
    public static IReadOnlyList<(string Category, string Event)> Expand(string categoryPattern, string eventPattern)
    {
        var category = GlobToRegex(categoryPattern);
        var name = GlobToRegex(eventPattern);
        return ListTracepoints()
            .Where(t => category.IsMatch(t.Category) && name.IsMatch(t.Event))
            .Distinct()
            .OrderBy(t => t.Category, StringComparer.Ordinal)
            .ThenBy(t => t.Event, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>True when <c>events/CATEGORY/EVENT</c> exists in tracefs.</summary>
    public static bool TracepointExists(string category, string eventName)
    {
        var status = Ensure();
        return status.IsAvailable && Directory.Exists(System.IO.Path.Combine(status.Path!, "events", category, eventName));
    }

    /// <summary>The tracepoint's id (<c>events/CATEGORY/EVENT/id</c>), or null when it does not exist.</summary>
    public static ulong? TracepointId(string category, string eventName)
    {
        var status = Ensure();
        if (!status.IsAvailable || category.Contains('/') || eventName.Contains('/') || category.StartsWith('.') || eventName.StartsWith('.'))
        {
            return null;
        }

        try
        {
            string text = File.ReadAllText(System.IO.Path.Combine(status.Path!, "events", category, eventName, "id"));
            return ulong.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out ulong id) ? id : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Converts a bpftrace-style glob to an anchored regex.</summary>
    public static Regex GlobToRegex(string glob)
    {
        var builder = new System.Text.StringBuilder("^");
        int braces = 0;
        foreach (char c in glob)
        {
            switch (c)
            {
                case '*': builder.Append(".*"); break;
                case '?': builder.Append('.'); break;
                case '[': builder.Append('['); break;
                case ']': builder.Append(']'); break;
                case '{': braces++; builder.Append("(?:"); break;
                case '}' when braces > 0: braces--; builder.Append(')'); break;
                case ',' when braces > 0: builder.Append('|'); break;
                default: builder.Append(Regex.Escape(c.ToString())); break;
            }
        }

        return new Regex(builder.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    private static TracefsStatus Locate()
    {
        // libbpf prefers the debugfs path when it exists; a mounted debugfs shows tracefs there automatically.
        if (IsPopulated(DebugfsPath))
        {
            return new TracefsStatus(DebugfsPath, false, null);
        }

        if (IsPopulated(DefaultPath))
        {
            return new TracefsStatus(DefaultPath, false, null);
        }

        if (!Directory.Exists(DefaultPath))
        {
            return new TracefsStatus(null, false, $"{DefaultPath} does not exist (is CONFIG_TRACING off?)");
        }

        if (!LinuxSystem.TryMount("tracefs", DefaultPath, out int errno))
        {
            return new TracefsStatus(null, false, $"mount -t tracefs nodev {DefaultPath}: {LibBpfErrors.Describe(errno)}");
        }

        return IsPopulated(DefaultPath)
            ? new TracefsStatus(DefaultPath, true, null)
            : new TracefsStatus(null, true, $"{DefaultPath} is empty after mounting tracefs");
    }

    private static bool IsPopulated(string path)
    {
        try
        {
            return File.Exists(System.IO.Path.Combine(path, "available_events")) || Directory.Exists(System.IO.Path.Combine(path, "events"));
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
