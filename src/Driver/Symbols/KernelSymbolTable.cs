using System.Globalization;

namespace BtLang.Driver.Symbols;

/// <summary>
/// Kernel symbols from <c>/proc/kallsyms</c>, sorted by address for binary search. Without root the kernel shows
/// every address as 0: the table is then empty and <see cref="IsAvailable"/> is false.
/// </summary>
public sealed class KernelSymbolTable
{
    private readonly ulong[] _addresses;
    private readonly string[] _names;
    private readonly Dictionary<string, ulong> _byName;

    private KernelSymbolTable(ulong[] addresses, string[] names, Dictionary<string, ulong> byName)
    {
        _addresses = addresses;
        _names = names;
        _byName = byName;
    }

    /// <summary>An empty table.</summary>
    public static KernelSymbolTable Empty { get; } = new([], [], []);

    /// <summary>True if the table has symbols with real addresses.</summary>
    public bool IsAvailable => _addresses.Length > 0;

    /// <summary>The number of symbols.</summary>
    public int Count => _addresses.Length;

    /// <summary>Reads a kallsyms file; an unreadable file gives an empty table.</summary>
    public static KernelSymbolTable Load(string path)
    {
        try
        {
            return File.Exists(path) ? Parse(File.ReadAllText(path)) : Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Empty;
        }
    }

    /// <summary>Parses kallsyms text: <c>ffffffff81000000 T _stext</c>, optionally followed by <c>[module]</c>.</summary>
    public static KernelSymbolTable Parse(string text)
    {
        var entries = new List<(ulong Address, string Name)>(text.Length / 40);
        var byName = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range.Start.Value, range.End.Value - range.Start.Value);
            int firstSpace = line.IndexOf(' ');
            if (firstSpace <= 0 || line.Length < firstSpace + 4)
                continue;
            if (!ulong.TryParse(line[..firstSpace], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong address) || address == 0)
                continue;
            var rest = line[(firstSpace + 3)..];
            int end = rest.IndexOfAny(' ', '\t');
            string name = (end < 0 ? rest : rest[..end]).ToString();
            if (name.Length == 0)
                continue;
            entries.Add((address, name));
            byName.TryAdd(name, address);
        }
        // Stable by address; for aliases at one address, the first listed wins (kallsyms lists the main name first).
        var sorted = entries.Select((e, i) => (e.Address, e.Name, Index: i)).OrderBy(e => e.Address).ThenBy(e => e.Index).ToArray();
        return new KernelSymbolTable(sorted.Select(e => e.Address).ToArray(), sorted.Select(e => e.Name).ToArray(), byName);
    }

    /// <summary>The symbol at or below <paramref name="address"/> and the offset into it; false below the first symbol.</summary>
    public bool TryFind(ulong address, out string name, out ulong offset)
    {
        name = "";
        offset = 0;
        int index = Array.BinarySearch(_addresses, address);
        if (index < 0)
            index = ~index - 1;
        if (index < 0)
            return false;
        // Several symbols can share an address: report the first one.
        while (index > 0 && _addresses[index - 1] == _addresses[index])
            index--;
        name = _names[index];
        offset = address - _addresses[index];
        return true;
    }

    /// <summary>The address of a symbol by name, or null.</summary>
    public ulong? AddressOf(string name) => _byName.TryGetValue(name, out ulong address) ? address : null;
}
