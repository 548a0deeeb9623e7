using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;
using BtLang.Driver.Output;
using BtLang.Emit.Metadata;

namespace BtLang.Driver.Tests.Output;

/// <summary>Decoding hand-built little-endian byte arrays per <see cref="RuntimeTypeKind"/>.</summary>
public class ValueDecoderTests
{
    private readonly FakeSymbolResolver _resolver = new();

    private ValueDecoder Decoder => new(_resolver);

    private static byte[] U64(ulong v)
    {
        var b = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(b, v);
        return b;
    }

    private string Text(RuntimeType type, byte[] bytes) => ValueText.ToText(Decoder.Decode(type, bytes));

    [Theory]
    [InlineData(1, true, new byte[] { 0xff }, "-1")]
    [InlineData(1, false, new byte[] { 0xff }, "255")]
    [InlineData(2, true, new byte[] { 0x00, 0x80 }, "-32768")]
    [InlineData(2, false, new byte[] { 0x00, 0x80 }, "32768")]
    [InlineData(4, true, new byte[] { 0xfe, 0xff, 0xff, 0xff }, "-2")]
    [InlineData(4, false, new byte[] { 0xfe, 0xff, 0xff, 0xff }, "4294967294")]
    [InlineData(8, true, new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff }, "-1")]
    [InlineData(8, false, new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff }, "18446744073709551615")]
    public void Integers_of_every_width_and_sign(int size, bool signed, byte[] bytes, string expected)
    {
        Assert.Equal(expected, Text(RuntimeType.Int(size, signed), bytes));
    }

    [Fact]
    public void Booleans_and_none()
    {
        Assert.Equal("true", Text(RuntimeType.Bool, [1]));
        Assert.Equal("false", Text(RuntimeType.Bool, [0]));
        Assert.IsType<NoneValue>(Decoder.Decode(RuntimeType.None, []));
    }

    [Fact]
    public void Strings_stop_at_nul_and_mark_truncation()
    {
        var field = new byte[8];
        Encoding.ASCII.GetBytes("bash").CopyTo(field, 0);
        field[6] = (byte)'x';
        Assert.Equal("bash", Text(RuntimeType.String(8), field));
        Assert.Equal("abcdefgh..", Text(RuntimeType.String(8), Encoding.ASCII.GetBytes("abcdefgh")));
        Assert.Equal("abcdefgh", ValueText.ToText(new ValueDecoder(_resolver, string.Empty).Decode(RuntimeType.String(8), Encoding.ASCII.GetBytes("abcdefgh"))));
        Assert.Equal("héllo", Text(RuntimeType.String(16), Encoding.UTF8.GetBytes("héllo\0\0\0\0\0\0\0\0\0\0")));
    }

    [Fact]
    public void Buffers_have_a_length_prefix()
    {
        var type = new RuntimeType { Kind = RuntimeTypeKind.Buffer, Size = 4 + 8 };
        byte[] bytes = [3, 0, 0, 0, 0x61, 0x62, 0x00, 0x99, 0x99, 0x99, 0x99, 0x99];
        var value = Assert.IsType<BufferValue>(Decoder.Decode(type, bytes));
        Assert.Equal(new byte[] { 0x61, 0x62, 0x00 }, value.Bytes.ToArray());
        Assert.Equal("ab\\x00", ValueText.ToText(value));
    }

    [Fact]
    public void Tuples_records_structs_and_arrays_use_field_offsets()
    {
        var tuple = new RuntimeType
        {
            Kind = RuntimeTypeKind.Tuple,
            Size = 24,
            Fields = [new RuntimeField("0", 0, RuntimeType.Int(4, true)), new RuntimeField("1", 8, RuntimeType.String(8)), new RuntimeField("2", 16, RuntimeType.Bool)],
        };
        var bytes = new byte[24];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, -5);
        bytes[4] = 0xAA; // padding is ignored
        Encoding.ASCII.GetBytes("two").CopyTo(bytes, 8);
        bytes[16] = 1;
        Assert.Equal("(-5, two, true)", Text(tuple, bytes));

        var record = tuple with { Kind = RuntimeTypeKind.Record, Fields = [new RuntimeField("a", 0, RuntimeType.Int(4, true)), new RuntimeField("b", 8, RuntimeType.String(8))] };
        Assert.Equal("{ .a = -5, .b = two }", Text(record, bytes));

        var structType = record with { Kind = RuntimeTypeKind.Struct, Name = "struct foo" };
        var decoded = Assert.IsType<RecordValue>(Decoder.Decode(structType, bytes));
        Assert.Equal("struct foo", decoded.StructName);

        var array = new RuntimeType { Kind = RuntimeTypeKind.Array, Size = 8, Count = 4, Element = RuntimeType.Int(2, false) };
        Assert.Equal("[1,2,3,65535]", Text(array, [1, 0, 2, 0, 3, 0, 0xff, 0xff]));
    }

    [Fact]
    public void Pointers_print_in_hex()
    {
        var type = new RuntimeType { Kind = RuntimeTypeKind.Pointer, Size = 8, Name = "struct task_struct" };
        Assert.Equal("0xffff888012345678", Text(type, U64(0xffff888012345678)));
    }

    [Fact]
    public void Kernel_stacks_are_looked_up_symbolized_and_limited_to_their_depth()
    {
        _resolver.Stacks[7] = [0xffffffff81000010, 0xffffffff81000021, 0xffffffff81000032];
        var type = new RuntimeType { Kind = RuntimeTypeKind.KernelStack, Size = 8, StackMap = "stack_bt_127", StackDepth = 2 };
        var stack = Assert.IsType<StackValue>(Decoder.Decode(type, U64(7)));
        Assert.Equal("\n        ksym_ffffffff81000010+0\n        ksym_ffffffff81000021+1\n", ValueText.ToText(stack));
        Assert.Equal("kstack stack_bt_127 7", Assert.Single(_resolver.Calls));
        var perf = type with { StackMode = "perf", StackDepth = 0 };
        Assert.Equal("\n\tffffffff81000010 ksym_ffffffff81000010+0\n\tffffffff81000021 ksym_ffffffff81000021+1\n\tffffffff81000032 ksym_ffffffff81000032+2\n", Text(perf, U64(7)));
        var raw = type with { StackMode = "raw" };
        Assert.Equal("\nffffffff81000010\nffffffff81000021\n", Text(raw, U64(7)));
    }

    [Fact]
    public void User_stacks_carry_the_pid()
    {
        _resolver.Stacks[3] = [0x401000];
        var type = new RuntimeType { Kind = RuntimeTypeKind.UserStack, Size = 16, StackMap = "ustack", StackMode = "perf" };
        var bytes = new byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, 3);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), 4242);
        Assert.Equal("\n\t401000 usym_401000+1 (/bin/app)\n", Text(type, bytes));
        Assert.Equal("ustack ustack 3 4242", Assert.Single(_resolver.Calls));
    }

    [Fact]
    public void Failed_stack_lookups_print_an_empty_stack()
    {
        var type = new RuntimeType { Kind = RuntimeTypeKind.KernelStack, Size = 8, StackMap = "s" };
        Assert.Equal("\n", Text(type, U64(unchecked((ulong)-14L))));
    }

    [Fact]
    public void Symbols_names_and_paths_go_through_the_resolver()
    {
        Assert.Equal("ksym_ffffffff81000000", Text(new RuntimeType { Kind = RuntimeTypeKind.KernelSymbol, Size = 8 }, U64(0xffffffff81000000)));
        var usym = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(usym, 0x401000);
        Assert.Equal("usym_401000", Text(new RuntimeType { Kind = RuntimeTypeKind.UserSymbol, Size = 16 }, usym));
        Assert.Equal("root", Text(new RuntimeType { Kind = RuntimeTypeKind.UserName, Size = 8 }, U64(0)));
        Assert.Equal("/cg/12", Text(new RuntimeType { Kind = RuntimeTypeKind.CgroupPath, Size = 8 }, U64(12)));
        Assert.Equal("BEGIN", Text(new RuntimeType { Kind = RuntimeTypeKind.ProbeName, Size = 8 }, U64(0)));
    }

    [Fact]
    public void Inet_addresses_of_both_families()
    {
        var type = new RuntimeType { Kind = RuntimeTypeKind.InetAddress, Size = 24 };
        var v4 = new byte[24];
        v4[0] = 2;
        new byte[] { 127, 0, 0, 1 }.CopyTo(v4, 4);
        Assert.Equal("127.0.0.1", Text(type, v4));
        var v6 = new byte[24];
        v6[0] = 10;
        v6[19] = 1;
        Assert.Equal("::1", Text(type, v6));
        var mapped = new byte[24];
        mapped[0] = 10;
        mapped[14] = 0xff;
        mapped[15] = 0xff;
        new byte[] { 10, 1, 2, 3 }.CopyTo(mapped, 16);
        Assert.Equal("::ffff:10.1.2.3", Text(type, mapped));
    }

    [Fact]
    public void Timestamps_are_formatted_with_strftime_and_microseconds()
    {
        var type = new RuntimeType { Kind = RuntimeTypeKind.Timestamp, Size = 8, Name = "%Y-%m-%d %H:%M:%S.%f" };
        Assert.Equal("2026-01-02 03:04:06.500001", Text(type, U64(1_500_001_000)));
    }

    [Fact]
    public void Enums_print_their_name_or_number()
    {
        var type = new RuntimeType
        {
            Kind = RuntimeTypeKind.Enum,
            Size = 4,
            IsSigned = false,
            Name = "enum state",
            EnumValues = ImmutableDictionary<long, string>.Empty.Add(0, "RUNNING").Add(2, "SLEEPING"),
        };
        Assert.Equal("SLEEPING", Text(type, [2, 0, 0, 0]));
        Assert.Equal("5", Text(type, [5, 0, 0, 0]));
    }

    [Fact]
    public void Mac_addresses_print_in_upper_case_hex()
    {
        Assert.Equal("00:1B:44:11:3A:B7", Text(new RuntimeType { Kind = RuntimeTypeKind.MacAddress, Size = 6 }, [0x00, 0x1b, 0x44, 0x11, 0x3a, 0xb7]));
    }

    [Fact]
    public void Too_short_input_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => Decoder.Decode(RuntimeType.Int64, new byte[4]));
    }

    [Fact]
    public void Printf_arguments_decode_from_the_event_payload()
    {
        var args = new RuntimeType
        {
            Kind = RuntimeTypeKind.Tuple,
            Size = 24,
            Fields = [new RuntimeField("0", 0, RuntimeType.Int64), new RuntimeField("1", 8, RuntimeType.String(16))],
        };
        var payload = new byte[24];
        BinaryPrimitives.WriteInt64LittleEndian(payload, 300);
        "hi"u8.CopyTo(payload.AsSpan(8));
        var values = Decoder.DecodeArguments(args, payload);
        var format = BtLang.Semantics.Formatting.PrintfFormat.Parse("%hhd %s\n");
        Assert.Equal("44 hi\n", PrintfRenderer.Render(format, values));
        Assert.Empty(Decoder.DecodeArguments(new RuntimeType { Kind = RuntimeTypeKind.Tuple }, []));
    }
}
