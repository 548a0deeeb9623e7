using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BtLang.Emit.Tests.Llvm;

/// <summary>
/// Parses the text of <c>bpftool btf dump file x.o</c> and renders types structurally (ids removed, typedefs
/// and qualifiers transparent), so BTF from BtLang and from clang can be compared.
/// </summary>
internal sealed partial class BtfDump
{
    private readonly Dictionary<int, Entry> _entries = [];

    public BtfDump(string text)
    {
        Entry? current = null;
        foreach (string line in text.Split('\n'))
        {
            Match header = HeaderRegex().Match(line);
            if (header.Success)
            {
                current = new Entry(header.Groups[2].Value, header.Groups[3].Value, Attributes(header.Groups[4].Value));
                _entries[int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture)] = current;
                continue;
            }

            Match member = MemberRegex().Match(line);
            if (member.Success && current is not null)
            {
                current.Members.Add((member.Groups[1].Value, Attributes(member.Groups[2].Value)));
                continue;
            }

            Match variable = DatasecRegex().Match(line);
            if (variable.Success && current is not null)
            {
                current.Members.Add((variable.Groups[2].Value, new() { ["type_id"] = variable.Groups[1].Value }));
            }
        }
    }

    public IEnumerable<(int Id, string Kind, string Name)> Types => _entries.Select(e => (e.Key, e.Value.Kind, e.Value.Name));

    /// <summary>One line per variable of DATASEC '.maps': <c>name: struct size=N { member: type @bits; ... }</c>.</summary>
    public IReadOnlyList<string> DescribeMaps()
    {
        Entry? section = _entries.Values.FirstOrDefault(e => e.Kind == "DATASEC" && e.Name == ".maps");
        if (section is null)
        {
            return [];
        }

        return [.. section.Members.Select(m => $"{m.Name}: {Render(TypeId(_entries[Id(m.Attributes)].Attributes))}")];
    }

    /// <summary>The FUNC named <paramref name="name"/> rendered as <c>ret name(type param, ...) linkage</c>, or null.</summary>
    public string? DescribeFunction(string name)
    {
        Entry? function = _entries.Values.FirstOrDefault(e => e.Kind == "FUNC" && e.Name == name);
        if (function is null)
        {
            return null;
        }

        Entry proto = _entries[TypeId(function.Attributes)];
        string parameters = string.Join(", ", proto.Members.Select(m => $"{Render(TypeId(m.Attributes))} {m.Name}"));
        return $"{Render(int.Parse(proto.Attributes["ret_type_id"], CultureInfo.InvariantCulture))} {name}({parameters}) {function.Attributes.GetValueOrDefault("linkage")}";
    }

    public string Render(int id)
    {
        if (id == 0)
        {
            return "void";
        }

        Entry e = _entries[id];
        switch (e.Kind)
        {
            case "INT":
                return e.Name;
            case "PTR":
                return "*" + Render(TypeId(e.Attributes));
            case "ARRAY":
                return $"{Render(TypeId(e.Attributes))}[{e.Attributes["nr_elems"]}]";
            case "TYPEDEF" or "CONST" or "VOLATILE" or "RESTRICT" or "TYPE_TAG":
                return Render(TypeId(e.Attributes));
            case "STRUCT" or "UNION":
                var text = new StringBuilder();
                text.Append(e.Kind.ToLowerInvariant()).Append(e.Name == "(anon)" ? string.Empty : " " + e.Name)
                    .Append(" size=").Append(e.Attributes["size"]).Append(" {");
                foreach ((string name, Dictionary<string, string> attributes) in e.Members)
                {
                    text.Append(' ').Append(name).Append(": ").Append(Render(TypeId(attributes))).Append(" @").Append(attributes["bits_offset"]).Append(';');
                }

                return text.Append(" }").ToString();
            default:
                return $"{e.Kind.ToLowerInvariant()} {e.Name}";
        }
    }

    private static int Id(Dictionary<string, string> attributes) => TypeId(attributes);

    private static int TypeId(Dictionary<string, string> attributes) =>
        int.Parse(attributes["type_id"], CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Attributes(string text)
    {
        var result = new Dictionary<string, string>();
        foreach (Match m in AttributeRegex().Matches(text))
        {
            result[m.Groups[1].Value] = m.Groups[2].Value;
        }

        return result;
    }

    private sealed record Entry(string Kind, string Name, Dictionary<string, string> Attributes)
    {
        public List<(string Name, Dictionary<string, string> Attributes)> Members { get; } = [];
    }

    [GeneratedRegex(@"^\[(\d+)\] (\w+) '([^']*)'(.*)$")]
    private static partial Regex HeaderRegex();

    [GeneratedRegex(@"^\t'([^']*)'(.*)$")]
    private static partial Regex MemberRegex();

    [GeneratedRegex(@"^\ttype_id=(\d+) .*\(VAR '([^']*)'\)")]
    private static partial Regex DatasecRegex();

    [GeneratedRegex(@"(\w+)=([^\s,]+)")]
    private static partial Regex AttributeRegex();
}
