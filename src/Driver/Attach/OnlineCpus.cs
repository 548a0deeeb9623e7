namespace BtLang.Driver.Attach;

/// <summary>The online CPUs (<c>/sys/devices/system/cpu/online</c>, e.g. <c>0-3,5</c>).</summary>
public static class OnlineCpus
{
    private static readonly Lazy<IReadOnlyList<int>> Cached = new(() => Parse(ReadOrDefault()));

    public static IReadOnlyList<int> Current => Cached.Value;

    /// <summary>Parses a kernel CPU list such as <c>0-3,5,7-8</c>.</summary>
    public static IReadOnlyList<int> Parse(string list)
    {
        var cpus = new List<int>();
        foreach (var part in list.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int dash = part.IndexOf('-');
            if (dash < 0)
            {
                cpus.Add(int.Parse(part, System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }

            int first = int.Parse(part[..dash], System.Globalization.CultureInfo.InvariantCulture);
            int last = int.Parse(part[(dash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            for (int cpu = first; cpu <= last; cpu++)
            {
                cpus.Add(cpu);
            }
        }

        return cpus;
    }

    private static string ReadOrDefault()
    {
        try
        {
            return File.ReadAllText("/sys/devices/system/cpu/online");
        }
        catch (IOException)
        {
            return $"0-{Environment.ProcessorCount - 1}";
        }
    }
}
