using System.Collections.Immutable;
using System.Globalization;

namespace BtLang.Driver.Symbols;

/// <summary>Parses <c>/proc/PID/maps</c>.</summary>
public static class ProcessMaps
{
    /// <summary>Reads a process's mappings; empty if the process is gone or unreadable.</summary>
    public static ImmutableArray<ProcessMapping> Read(string procRoot, int pid)
    {
        string path = Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture), "maps");
        try
        {
            return File.Exists(path) ? Parse(File.ReadAllText(path)) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Parses maps text: <c>55d0c000-55d0d000 r-xp 00001000 08:01 1234   /usr/bin/x</c>.</summary>
    public static ImmutableArray<ProcessMapping> Parse(string text)
    {
        var mappings = ImmutableArray.CreateBuilder<ProcessMapping>();
        foreach (var line in text.Split('\n'))
        {
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 5)
                continue;
            int dash = fields[0].IndexOf('-');
            if (dash < 0
                || !ulong.TryParse(fields[0].AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong start)
                || !ulong.TryParse(fields[0].AsSpan(dash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong end)
                || !ulong.TryParse(fields[2], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong offset)
                || !ulong.TryParse(fields[4], NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong inode))
            {
                continue;
            }
            string path = fields.Length > 5 ? fields[5].Trim() : "";
            mappings.Add(new ProcessMapping(start, end, fields[1], offset, inode, path));
        }
        return mappings.ToImmutable();
    }
}
