using System.Text;
using BtLang.Emit.Metadata;

namespace BtLang.Driver.Output;

/// <summary>bpftrace's text output (0.26): maps as <c>@name[key]: value</c>, histograms as bar tables.</summary>
public sealed class TextOutputWriter : IOutputWriter
{
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly OutputBufferMode _mode;
    private readonly StringBuilder _sb = new(4096);

    /// <param name="output">stdout or the <c>-o</c> file.</param>
    /// <param name="diagnostics">stderr: the <c>Attached N probes</c> banner and lost-event reports.</param>
    public TextOutputWriter(TextWriter output, TextWriter diagnostics, OutputBufferMode mode = OutputBufferMode.Line)
    {
        _out = output ?? throw new ArgumentNullException(nameof(output));
        _err = diagnostics ?? throw new ArgumentNullException(nameof(diagnostics));
        _mode = mode;
    }

    public OutputFormat Format => OutputFormat.Text;

    public void AttachedProbes(int count)
    {
        _err.Write(count == 1 ? "Attached 1 probe\n" : $"Attached {count} probes\n");
        _err.Flush();
    }

    public void Printf(string text) => Write(text);

    public void Time(string text) => Write(text);

    public void Cat(string text) => Write(text);

    public void Join(string text) => Write(text + "\n");

    public void Syscall(string text) => Write(text + "\n");

    public void LostEvents(ulong count)
    {
        _err.Write($"Lost {count} events\n");
        _err.Flush();
    }

    public void BeginExitMaps() => Write("\n\n");

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
        ValueText.Append(_sb, value);
        _sb.Append('\n');
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
        bool scalar = map.IsScalar || map.Key.Kind == RuntimeTypeKind.None;
        bool histogram = map.Aggregate is AggregateKind.Hist or AggregateKind.LHist;
        _sb.Clear();
        foreach (var entry in entries)
        {
            _sb.Append(map.Name);
            if (!scalar)
            {
                _sb.Append('[');
                ValueText.AppendKey(_sb, entry.Key);
                _sb.Append(']');
            }

            if (entry.Value is TimeSeriesValue series)
            {
                _sb.Append(":\n");
                TimeSeriesText.Append(_sb, series);
                _sb.Append('\n');
            }
            else if (histogram)
            {
                _sb.Append(":\n");
                HistogramText.Append(_sb, (HistogramValue)entry.Value, div);
                _sb.Append('\n');
            }
            else
            {
                _sb.Append(": ");
                ValueText.Append(_sb, entry.Value, div);
                _sb.Append('\n');
            }

            if (scalar)
            {
                break;
            }

            if (_sb.Length > 1 << 16)
            {
                _out.Write(_sb);
                _sb.Clear();
            }
        }

        WriteBuffer();
    }

    public void Flush() => _out.Flush();

    public void Dispose() => _out.Flush();

    private void WriteBuffer()
    {
        _out.Write(_sb);
        AfterWrite(containsNewline: true);
        _sb.Clear();
    }

    private void Write(string text)
    {
        _out.Write(text);
        AfterWrite(text.Contains('\n'));
    }

    private void AfterWrite(bool containsNewline)
    {
        if (_mode == OutputBufferMode.None || (_mode == OutputBufferMode.Line && containsNewline))
        {
            _out.Flush();
        }
    }
}
