using System.Buffers.Binary;
using System.Diagnostics;
using BtLang.Driver.Output;
using BtLang.Emit.Metadata;

namespace BtLang.Driver.Runtime;

/// <summary>
/// Turns ring buffer records into output: each record is an 8-byte header (u32 kind, u32 id) and a payload laid
/// out as the metadata entry <c>id</c> says. Runs on the polling thread only.
/// </summary>
internal sealed class EventDispatcher
{
    private readonly ObjectMetadata _metadata;
    private readonly IOutputWriter _output;
    private readonly MapReader _maps;
    private readonly TextWriter _errors;
    private readonly bool _allowUnsafe;
    private readonly EventFormatter _formatter;

    public EventDispatcher(ObjectMetadata metadata, IOutputWriter output, ValueDecoder decoder, MapReader maps, TextWriter errors, bool allowUnsafe)
    {
        _metadata = metadata;
        _output = output;
        _maps = maps;
        _errors = errors;
        _allowUnsafe = allowUnsafe;
        _formatter = new EventFormatter(metadata, decoder);
    }

    /// <summary>Set when an <c>exit()</c> event arrived; holds its exit code.</summary>
    public int? ExitCode { get; private set; }

    public long EventCount { get; private set; }

    /// <summary>Detaches the watchpoints on an address (<c>unwatch(addr)</c>); set once the probes are attached.</summary>
    public Action<ulong>? Unwatch { get; set; }

    public void Handle(ReadOnlySpan<byte> record)
    {
        if (record.Length < EventFormatter.HeaderSize)
        {
            return;
        }

        EventCount++;
        var (kind, id) = EventFormatter.ReadHeader(record);
        var payload = EventFormatter.Payload(record);
        bool format = id < _metadata.Formats.Length;
        bool map = id < _metadata.Maps.Length;
        switch (kind)
        {
            case EventKind.Printf when format:
                _output.Printf(_formatter.FormatPrintf(id, payload));
                break;
            case EventKind.Exit:
                // The first exit() wins; later ones (events keep arriving for a moment) are ignored.
                ExitCode ??= payload.Length >= 8 ? (int)BinaryPrimitives.ReadInt64LittleEndian(payload) : 0;
                break;
            case EventKind.PrintMap when map:
                var (top, div) = EventFormatter.ReadPrintMapArguments(payload);
                _output.PrintMap(_maps.Read(_metadata.Maps[id]), top, div);
                break;
            case EventKind.PrintMapEntry when map:
                PrintMapEntry(_metadata.Maps[id], payload);
                break;
            case EventKind.PrintValue when format:
                _output.PrintValue(_formatter.DecodePrintValue(id, payload));
                break;
            case EventKind.Time when format:
                _output.Time(_formatter.FormatTime(id, DateTime.Now));
                break;
            case EventKind.Join when format:
                _output.Join(_formatter.FormatJoin(id, payload));
                break;
            case EventKind.Clear when map:
                _maps.Clear(_metadata.Maps[id]);
                break;
            case EventKind.Zero when map:
                _maps.Zero(_metadata.Maps[id]);
                break;
            case EventKind.Cat when format:
                _output.Cat(ReadFile(_formatter.FormatPrintf(id, payload)));
                break;
            case EventKind.Unwatch when payload.Length >= 8:
                Unwatch?.Invoke(BinaryPrimitives.ReadUInt64LittleEndian(payload));
                break;
            case EventKind.System when format:
                _output.Syscall(RunCommand(_formatter.FormatPrintf(id, payload)));
                break;
        }
    }

    /// <summary>
    /// <c>print(@m[k])</c> of an aggregation map: the element's merged value, printed as a value (a stats record,
    /// histogram rows); a missing key prints as bpftrace reads it, a zero value (nothing for a histogram).
    /// </summary>
    private void PrintMapEntry(MapMetadata map, ReadOnlySpan<byte> key)
    {
        int keySize = map.KeySize - (map.BucketInKey ? 8 : 0);
        if (key.Length < keySize)
        {
            return;
        }

        if (_maps.ReadEntry(map, key[..keySize]) is { } entry)
        {
            _output.PrintValue(entry.Value);
        }
        else if (MissingEntryValue(map) is { } zero)
        {
            _output.PrintValue(zero);
        }
    }

    private static Value? MissingEntryValue(MapMetadata map) => map.Aggregate switch
    {
        AggregateKind.Count => new CountValue(0),
        AggregateKind.Sum => new SumValue(0, IsSigned: true),
        AggregateKind.Min or AggregateKind.Max => new MinMaxValue(0, IsSet: false, map.Aggregate == AggregateKind.Max, IsSigned: true),
        AggregateKind.Avg => new AverageValue(0, 0, IsSigned: true),
        AggregateKind.Stats => new StatsValue(0, 0, IsSigned: true),
        _ => null, // hist, lhist, tseries: no rows
    };

    private string ReadFile(string path)
    {
        try
        {
            int max = _metadata.Settings.TryGetValue("max_cat_bytes", out var text) && int.TryParse(text, out int n) ? n : 10240;
            using var stream = File.OpenRead(path);
            var buffer = new byte[max];
            int read = stream.ReadAtLeast(buffer, max, throwOnEndOfStream: false);
            return RawText.Decode(buffer.AsSpan(0, read));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _errors.WriteLine($"ERROR: failed to open file '{path}': {e.Message}");
            return string.Empty;
        }
    }

    private string RunCommand(string command)
    {
        if (!_allowUnsafe)
        {
            return string.Empty; // the compiler refuses system() without --unsafe; an object compiled elsewhere must not run it either
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", command]) { RedirectStandardOutput = true, UseShellExecute = false, StandardOutputEncoding = RawText.Encoding })!;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            _errors.WriteLine($"ERROR: system(\"{command}\") failed: {e.Message}");
            return string.Empty;
        }
    }
}
