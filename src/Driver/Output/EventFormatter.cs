using System.Buffers.Binary;
using BtLang.Emit.Metadata;
using BtLang.Semantics.Formatting;

namespace BtLang.Driver.Output;

/// <summary>
/// Turns ring-buffer records into text for the output writer, using the object's metadata: reads the 8-byte header
/// (<c>u32 kind, u32 id</c>), renders printf/cat/system formats (parsed once per call site and cached), decodes
/// <c>print(value)</c> and <c>print(@m[k])</c> payloads and formats <c>time()</c>. The runtime's event loop decides
/// what to do with each kind; this class only formats.
/// </summary>
public sealed class EventFormatter
{
    /// <summary>Bytes of the record header that precedes every payload.</summary>
    public const int HeaderSize = 8;

    private readonly ObjectMetadata _metadata;
    private readonly ValueDecoder _decoder;
    private readonly PrintfFormat?[] _formats;

    public EventFormatter(ObjectMetadata metadata, ValueDecoder decoder)
    {
        _metadata = metadata ?? throw new ArgumentNullException(nameof(metadata));
        _decoder = decoder ?? throw new ArgumentNullException(nameof(decoder));
        _formats = new PrintfFormat?[metadata.Formats.Length];
    }

    /// <summary>Reads the record header.</summary>
    public static (EventKind Kind, int Id) ReadHeader(ReadOnlySpan<byte> record)
    {
        if (record.Length < HeaderSize)
        {
            throw new ArgumentException($"event record of {record.Length} bytes is shorter than its header", nameof(record));
        }

        return ((EventKind)BinaryPrimitives.ReadUInt32LittleEndian(record), (int)BinaryPrimitives.ReadUInt32LittleEndian(record[4..]));
    }

    /// <summary>The payload after the header.</summary>
    public static ReadOnlySpan<byte> Payload(ReadOnlySpan<byte> record) => record[HeaderSize..];

    /// <summary>Renders the printf-style format of call site <paramref name="formatId"/> (printf, cat path, system command)
    /// with the arguments decoded from <paramref name="payload"/>.</summary>
    public string FormatPrintf(int formatId, ReadOnlySpan<byte> payload)
    {
        var site = _metadata.Formats[formatId];
        var format = _formats[formatId] ??= PrintfFormat.Parse(site.Format);
        return PrintfRenderer.Render(format, _decoder.DecodeArguments(site.Arguments, payload));
    }

    /// <summary>The value of a <c>print(value)</c> event: the single field of the call site's argument tuple.</summary>
    public Value DecodePrintValue(int formatId, ReadOnlySpan<byte> payload)
    {
        var values = _decoder.DecodeArguments(_metadata.Formats[formatId].Arguments, payload);
        return values.Count == 0 ? NoneValue.Instance : values[0];
    }

    /// <summary><c>time()</c>: the call site's strftime format applied to <paramref name="now"/> (local time).</summary>
    public string FormatTime(int formatId, DateTime now) => Strftime.Format(_metadata.Formats[formatId].Format, now);

    /// <summary><c>join()</c>: the string arguments of the call site joined with its separator (empty strings end the list).</summary>
    public string FormatJoin(int formatId, ReadOnlySpan<byte> payload)
    {
        var site = _metadata.Formats[formatId];
        var parts = new List<string>();
        foreach (var value in _decoder.DecodeArguments(site.Arguments, payload))
        {
            string text = value is StringValue s ? s.Text : ValueText.ToText(value);
            if (text.Length == 0)
            {
                break;
            }

            parts.Add(text);
        }

        return string.Join(site.Format, parts);
    }

    /// <summary>
    /// A <c>print(@m[k])</c> event: the key (at offset 0) and one value slot (at the key size rounded up to 8),
    /// merged like a map value.
    /// </summary>
    public MapEntry DecodeMapEntry(int mapId, ReadOnlySpan<byte> payload)
    {
        var map = _metadata.Maps[mapId];
        var key = map.IsScalar || map.Key.Kind == RuntimeTypeKind.None ? NoneValue.Instance : _decoder.Decode(map.Key, payload);
        int valueOffset = (map.Key.Size + 7) & ~7;
        var single = map with { IsPerCpu = false };
        return new MapEntry(key, AggregateMerger.Merge(single, payload[valueOffset..], 1, _decoder));
    }

    /// <summary>The <c>top</c> and <c>div</c> of a <see cref="EventKind.PrintMap"/> payload.</summary>
    public static (long Top, long Div) ReadPrintMapArguments(ReadOnlySpan<byte> payload) =>
        (BinaryPrimitives.ReadInt64LittleEndian(payload), BinaryPrimitives.ReadInt64LittleEndian(payload[8..]));
}
