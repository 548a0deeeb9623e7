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
    private readonly Lazy<Dictionary<string, ulong>> _byName;

    private KernelSymbolTable(ulong[] addresses, string[] names, string[] namesInFileOrder, ulong[] addressesInFileOrder)
    {
        _addresses = addresses;
        _names = names;
        _byName = new Lazy<Dictionary<string, ulong>>(() =>
        {
            // The first occurrence in the file wins, as a reader of kallsyms top-down would find it.
            var byName = new Dictionary<string, ulong>(namesInFileOrder.Length, StringComparer.Ordinal);
            for (int i = 0; i < namesInFileOrder.Length; i++)
                byName.TryAdd(namesInFileOrder[i], addressesInFileOrder[i]);
            return byName;
        });
    }

    /// <summary>An empty table.</summary>
    public static KernelSymbolTable Empty { get; } = new([], [], [], []);

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
        var addresses = new List<ulong>(text.Length / 40);
        var names = new List<string>(text.Length / 40);
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
            var name = end < 0 ? rest : rest[..end];
            if (name.IsEmpty)
                continue;
            addresses.Add(address);
            names.Add(name.ToString());
        }
        ulong[] fileAddresses = [.. addresses];
        string[] fileNames = [.. names];
        ulong[] sortedAddresses = [.. fileAddresses];
        string[] sortedNames = [.. fileNames];
        if (!IsSorted(sortedAddresses))
        {
            // Sort by address, keeping file order among symbols at the same address (aliases: the first listed wins).
            int[] order = new int[sortedAddresses.Length];
            for (int i = 0; i < order.Length; i++)
                order[i] = i;
            Array.Sort(order, (a, b) => fileAddresses[a] != fileAddresses[b] ? fileAddresses[a].CompareTo(fileAddresses[b]) : a.CompareTo(b));
            for (int i = 0; i < order.Length; i++)
            {
                sortedAddresses[i] = fileAddresses[order[i]];
                sortedNames[i] = fileNames[order[i]];
            }
        }
        return new KernelSymbolTable(sortedAddresses, sortedNames, fileNames, fileAddresses);
    }

    private static bool IsSorted(ulong[] values)
    {
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] < values[i - 1])
                return false;
        }
        return true;
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
    public ulong? AddressOf(string name) => _byName.Value.TryGetValue(name, out ulong address) ? address : null;
}
