using System.Collections.Concurrent;

namespace BtLang.Driver.Runtime;

/// <summary>
/// <c>cgroup_path(id)</c> as bpftrace prints it: for every mounted cgroup hierarchy (the v2 one, named "unified",
/// first; then the v1 ones by name) that has a directory whose inode is the id, <c>name:/path/in/hierarchy</c>,
/// joined by commas. The root of every hierarchy has inode 1, so the root cgroup shows in all of them.
/// </summary>
internal static class CgroupPaths
{
    private static readonly HashSet<string> MountFlags = new(StringComparer.Ordinal) { "rw", "ro", "relatime", "noatime", "nosuid", "nodev", "noexec" };
    private static readonly ConcurrentDictionary<ulong, string> Resolved = new();

    public static string Resolve(ulong id) => Resolved.GetOrAdd(id, static id => string.Join(",",
        Hierarchies().Select(h => (h.Name, Path: Find(h.MountPoint, id))).Where(h => h.Path is not null).Select(h => $"{h.Name}:{h.Path}")));

    /// <summary>The mounted cgroup hierarchies from /proc/self/mountinfo: unified first, then v1 by name.</summary>
    private static IEnumerable<(string Name, string MountPoint)> Hierarchies()
    {
        var found = new List<(string Name, string MountPoint)>();
        string[] lines;
        try
        {
            lines = File.ReadAllLines("/proc/self/mountinfo");
        }
        catch (IOException)
        {
            return found;
        }

        foreach (var line in lines)
        {
            // id parent major:minor root mountpoint options [optional...] - fstype source superoptions
            var fields = line.Split(' ');
            int dash = Array.IndexOf(fields, "-");
            if (dash < 5 || dash + 3 >= fields.Length + 1 || fields.Length < dash + 3)
            {
                continue;
            }

            string fstype = fields[dash + 1];
            string mountPoint = fields[4].Replace("\\040", " ", StringComparison.Ordinal);
            if (fstype == "cgroup2")
            {
                found.Add(("unified", mountPoint));
            }
            else if (fstype == "cgroup" && fields.Length > dash + 3)
            {
                var options = fields[dash + 3].Split(',');
                string? named = options.FirstOrDefault(o => o.StartsWith("name=", StringComparison.Ordinal));
                string name = named is not null ? named["name=".Length..] : string.Join(",", options.Where(o => !MountFlags.Contains(o) && !o.Contains('=')));
                found.Add((name, mountPoint));
            }
        }

        return found.DistinctBy(h => h.Name).OrderBy(h => h.Name == "unified" ? 0 : 1).ThenBy(h => h.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The path (from the hierarchy's root, starting with /) of the directory with inode <paramref name="id"/>.</summary>
    private static string? Find(string mountPoint, ulong id)
    {
        var pending = new Queue<string>();
        pending.Enqueue(mountPoint);
        while (pending.Count > 0)
        {
            string dir = pending.Dequeue();
            if (FileSystem.Inode(dir) == id)
            {
                string relative = dir[mountPoint.Length..];
                return relative.Length == 0 ? "/" : relative;
            }

            try
            {
                foreach (var child in Directory.EnumerateDirectories(dir))
                {
                    pending.Enqueue(child);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // a cgroup removed while walking, or one we may not read: skip it
            }
        }

        return null;
    }
}
