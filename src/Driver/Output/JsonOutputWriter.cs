using System.Text;
using BtLang.Emit.Metadata;

namespace BtLang.Driver.Output;

/// <summary>bpftrace's <c>-f json</c> output (0.26): one JSON document per line, <c>{"type": T, "data": D}</c>.</summary>
public sealed class JsonOutputWriter : IOutputWriter
{
    private readonly TextWriter _out;
    private readonly OutputBufferMode _mode;
    private readonly StringBuilder _sb = new(4096);

    public JsonOutputWriter(TextWriter output, OutputBufferMode mode = OutputBufferMode.Line)
    {
        _out = output ?? throw new ArgumentNullException(nameof(output));
        _mode = mode;
    }

    public OutputFormat Format => OutputFormat.Json;

    public void AttachedProbes(int count)
    {
        _sb.Clear();
        _sb.Append("{\"type\": \"attached_probes\", \"count\": ").Append(count).Append(", \"data\": {\"probes\": ").Append(count).Append("}}\n");
        WriteBuffer();
    }

    public void LostEvents(ulong count)
    {
        _sb.Clear();
        _sb.Append("{\"type\": \"lost_events\", \"count\": ").Append(count).Append(", \"data\": {\"events\": ").Append(count).Append("}}\n");
        WriteBuffer();
    }

    public void Printf(string text) => Message("printf", text);

    public void Time(string text) => Message("time", text);

    public void Cat(string text) => Message("cat", text);

    public void Join(string text) => Message("join", text);

    public void Syscall(string text) => Message("syscall", text);

    public void BeginExitMaps()
    {
    }

    public void PrintExitMaps(IEnumerable<MapSnapshot> maps)
    {
        BeginExitMaps();
        foreach (var map in OutputWriters.ExitOrder(maps))
        {
            PrintMap(map);
        }

        Flush();
    }

    public void PrintValue(Value value)
    {
        _sb.Clear();
        _sb.Append("{\"type\": \"value\", \"data\": ");
        JsonText.AppendValue(_sb, value);
        _sb.Append("}\n");
        WriteBuffer();
    }

    public void PrintMap(MapSnapshot snapshot, long top = 0, long div = 0)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var entries = MapOrdering.Sort(snapshot, top);
        if (entries.Length == 0)
        {
            return;
        }

        var map = snapshot.Map;
        string type = map.Aggregate switch
        {
            AggregateKind.Avg or AggregateKind.Stats => "stats",
            AggregateKind.Hist or AggregateKind.LHist => "hist",
            AggregateKind.TSeries => "tseries",
            _ => "map",
        };
        _sb.Clear();
        _sb.Append("{\"type\": \"").Append(type).Append("\", \"data\": {");
        JsonText.AppendString(_sb, map.Name);
        _sb.Append(": ");
        if (map.IsScalar || map.Key.Kind == RuntimeTypeKind.None)
        {
            JsonText.AppendValue(_sb, entries[0].Value, div);
        }
        else
        {
            _sb.Append('{');
            for (int i = 0; i < entries.Length; i++)
            {
                if (i > 0)
                {
                    _sb.Append(", ");
                }

                JsonText.AppendKey(_sb, entries[i].Key);
                _sb.Append(": ");
                JsonText.AppendValue(_sb, entries[i].Value, div);
                if (_sb.Length > 1 << 16)
                {
                    _out.Write(_sb);
                    _sb.Clear();
                }
            }

            _sb.Append('}');
        }

        _sb.Append("}}\n");
        WriteBuffer();
    }

    public void Flush() => _out.Flush();

    public void Dispose() => _out.Flush();

    private void Message(string type, string text)
    {
        _sb.Clear();
        _sb.Append("{\"type\": \"").Append(type).Append("\", \"data\": ");
        JsonText.AppendString(_sb, text);
        _sb.Append("}\n");
        WriteBuffer();
    }

    private void WriteBuffer()
    {
        _out.Write(_sb);
        _sb.Clear();
        if (_mode != OutputBufferMode.Full)
        {
            _out.Flush();
        }
    }
}
