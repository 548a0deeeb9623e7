using System.Globalization;

namespace BtLang.Benchmarks;

/// <summary>The machine's load average, printed next to every figure (the machine is shared).</summary>
public static class Load
{
    /// <summary>The 1-, 5- and 15-minute load averages, as <c>uptime</c> shows them.</summary>
    public static string Now()
    {
        if (!File.Exists("/proc/loadavg"))
        {
            return "?";
        }

        string[] parts = File.ReadAllText("/proc/loadavg").Split(' ');
        return string.Create(CultureInfo.InvariantCulture, $"{parts[0]} {parts[1]} {parts[2]} on {Environment.ProcessorCount} cores");
    }
}
