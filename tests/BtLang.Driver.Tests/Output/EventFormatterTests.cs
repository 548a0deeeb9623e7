using System.Buffers.Binary;
using System.Collections.Immutable;
using BtLang.Driver.Output;
using BtLang.Emit.Metadata;

namespace BtLang.Driver.Tests.Output;

public class EventFormatterTests
{
    private static readonly RuntimeType IntAndString = new()
    {
        Kind = RuntimeTypeKind.Tuple,
        Size = 24,
        Fields = [new RuntimeField("0", 0, RuntimeType.Int64), new RuntimeField("1", 8, RuntimeType.String(16))],
    };

    private static readonly ObjectMetadata Metadata = new()
    {
        Formats =
        [
            new FormatMetadata { Kind = EventKind.Printf, Format = "pid %d comm %s\n", Arguments = IntAndString },
            new FormatMetadata { Kind = EventKind.PrintValue, Arguments = IntAndString },
            new FormatMetadata { Kind = EventKind.Time, Format = "%H:%M:%S\n", Arguments = RuntimeType.None },
            new FormatMetadata
            {
                Kind = EventKind.Join,
                Format = " ",
                Arguments = new RuntimeType
                {
                    Kind = RuntimeTypeKind.Tuple,
                    Size = 24,
                    Fields = [new RuntimeField("0", 0, RuntimeType.String(8)), new RuntimeField("1", 8, RuntimeType.String(8)), new RuntimeField("2", 16, RuntimeType.String(8))],
                },
            },
        ],
        Maps = [TestMaps.Map("@c", AggregateKind.Count, RuntimeType.Int(4, true), perCpu: true)],
    };

    private readonly EventFormatter _formatter = new(Metadata, new ValueDecoder(new FakeSymbolResolver()));

    private static byte[] Record(EventKind kind, int id, byte[] payload)
    {
        var record = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)kind);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(4), (uint)id);
        payload.CopyTo(record, 8);
        return record;
    }

    private static byte[] IntAndStringPayload(long n, string s)
    {
        var payload = new byte[24];
        BinaryPrimitives.WriteInt64LittleEndian(payload, n);
        System.Text.Encoding.ASCII.GetBytes(s).CopyTo(payload, 8);
        return payload;
    }

    [Fact]
    public void Printf_records_render_with_their_call_site_format()
    {
        var record = Record(EventKind.Printf, 0, IntAndStringPayload(42, "bash"));
        var (kind, id) = EventFormatter.ReadHeader(record);
        Assert.Equal(EventKind.Printf, kind);
        Assert.Equal("pid 42 comm bash\n", _formatter.FormatPrintf(id, EventFormatter.Payload(record)));
        Assert.Equal("pid 7 comm x\n", _formatter.FormatPrintf(id, IntAndStringPayload(7, "x")));
    }

    [Fact]
    public void Print_value_time_and_join()
    {
        Assert.Equal("42", ValueText.ToText(_formatter.DecodePrintValue(1, IntAndStringPayload(42, "bash"))));
        Assert.Equal("15:04:05\n", _formatter.FormatTime(2, new DateTime(2026, 1, 2, 15, 4, 5)));
        var join = new byte[24];
        "ls"u8.CopyTo(join);
        "-l"u8.CopyTo(join.AsSpan(8));
        Assert.Equal("ls -l", _formatter.FormatJoin(3, join));
    }

    [Fact]
    public void Print_map_entry_and_print_map_arguments()
    {
        var payload = new byte[16];
        BinaryPrimitives.WriteInt32LittleEndian(payload, -3);
        BinaryPrimitives.WriteUInt64LittleEndian(payload.AsSpan(8), 5);
        var entry = _formatter.DecodeMapEntry(0, payload);
        Assert.Equal("-3", ValueText.ToText(entry.Key));
        Assert.Equal(new CountValue(5), entry.Value);
        var args = new byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(args, 2);
        BinaryPrimitives.WriteInt64LittleEndian(args.AsSpan(8), 10);
        Assert.Equal((2L, 10L), EventFormatter.ReadPrintMapArguments(args));
    }

    [Fact]
    public void Short_records_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => EventFormatter.ReadHeader(new byte[4]));
    }
}
