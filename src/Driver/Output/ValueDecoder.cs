using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Net;
using BtLang.Emit.Metadata;

namespace BtLang.Driver.Output;

/// <summary>
/// Turns the little-endian bytes BPF wrote (map keys and values, event payloads) into <see cref="Value"/>s, as laid
/// out by a <see cref="RuntimeType"/>. Stacks, symbols, user names, cgroup paths and timestamps are resolved through
/// the <see cref="ISymbolResolver"/>. Aggregate map values are merged by <see cref="AggregateMerger"/>, not here.
/// </summary>
public sealed class ValueDecoder
{
    private readonly ISymbolResolver _resolver;

    public ValueDecoder(ISymbolResolver resolver, string stringTruncationTrailer = "..")
    {
        _resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));
        StringTruncationTrailer = stringTruncationTrailer;
    }

    /// <summary>
    /// Appended to a string that fills its whole field with no NUL (bpftrace's <c>str_trunc_trailer</c>, default "..").
    /// </summary>
    public string StringTruncationTrailer { get; }

    public ISymbolResolver Resolver => _resolver;

    /// <summary>Decodes one value of <paramref name="type"/> from the start of <paramref name="bytes"/>.</summary>
    public Value Decode(RuntimeType type, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (bytes.Length < type.Size)
        {
            throw new ArgumentException($"{type.Kind} value needs {type.Size} bytes, got {bytes.Length}", nameof(bytes));
        }

        switch (type.Kind)
        {
            case RuntimeTypeKind.None:
                return NoneValue.Instance;
            case RuntimeTypeKind.Integer:
                return new IntegerValue(ReadInteger(bytes, type.Size, type.IsSigned), type.IsSigned);
            case RuntimeTypeKind.Boolean:
                return new BooleanValue(bytes[0] != 0);
            case RuntimeTypeKind.String:
                return new StringValue(ReadString(bytes[..type.Size]));
            case RuntimeTypeKind.Buffer:
            {
                int capacity = Math.Max(0, type.Size - 4);
                int length = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(bytes), (uint)capacity);
                return new BufferValue(ImmutableArray.Create(bytes.Slice(4, length)));
            }

            case RuntimeTypeKind.Tuple:
            {
                var elements = ImmutableArray.CreateBuilder<Value>(type.Fields.Length);
                foreach (var field in type.Fields)
                {
                    elements.Add(Decode(field.Type, bytes[field.Offset..]));
                }

                return new TupleValue(elements.MoveToImmutable());
            }

            case RuntimeTypeKind.Record:
            case RuntimeTypeKind.Struct:
            {
                var fields = ImmutableArray.CreateBuilder<RecordField>(type.Fields.Length);
                foreach (var field in type.Fields)
                {
                    fields.Add(new RecordField(field.Name, Decode(field.Type, bytes[field.Offset..])));
                }

                return new RecordValue(fields.MoveToImmutable(), type.Kind == RuntimeTypeKind.Struct ? type.Name : null);
            }

            case RuntimeTypeKind.Array:
            {
                var element = type.Element ?? throw new ArgumentException("array type without an element type", nameof(type));
                var elements = ImmutableArray.CreateBuilder<Value>(type.Count);
                for (int i = 0; i < type.Count; i++)
                {
                    elements.Add(Decode(element, bytes[(i * element.Size)..]));
                }

                return new ArrayValue(elements.MoveToImmutable());
            }

            case RuntimeTypeKind.Pointer:
                return new PointerValue(BinaryPrimitives.ReadUInt64LittleEndian(bytes), type.Name);
            case RuntimeTypeKind.KernelStack:
                return DecodeStack(type, BinaryPrimitives.ReadInt64LittleEndian(bytes), pid: -1);
            case RuntimeTypeKind.UserStack:
                return DecodeStack(type, BinaryPrimitives.ReadInt64LittleEndian(bytes), BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]));
            case RuntimeTypeKind.KernelSymbol:
            {
                ulong address = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
                return new SymbolValue(address, _resolver.KernelSymbol(address, withOffset: false));
            }

            case RuntimeTypeKind.UserSymbol:
            {
                ulong address = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
                int pid = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
                return new SymbolValue(address, _resolver.UserSymbol(pid, address, withOffset: false, withModule: false));
            }

            case RuntimeTypeKind.InetAddress:
                return DecodeInet(bytes);
            case RuntimeTypeKind.ProbeName:
                return new ProbeNameValue(_resolver.ProbeName(BinaryPrimitives.ReadUInt64LittleEndian(bytes)));
            case RuntimeTypeKind.Timestamp:
            {
                ulong ns = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
                var time = _resolver.BootTimeToLocalTime(ns);
                return new TimestampValue(Strftime.Format(type.Name ?? "%H:%M:%S", time));
            }

            case RuntimeTypeKind.UserName:
                return new UserNameValue(_resolver.UserName(BinaryPrimitives.ReadUInt64LittleEndian(bytes)));
            case RuntimeTypeKind.CgroupPath:
                return new CgroupPathValue(CgroupPathFilter.Apply(_resolver.CgroupPath(BinaryPrimitives.ReadUInt64LittleEndian(bytes)), type.Name));
            case RuntimeTypeKind.ErrorText:
                return new StringValue(ErrorText.Describe(BinaryPrimitives.ReadInt64LittleEndian(bytes)));
            case RuntimeTypeKind.Enum:
            {
                long number = ReadInteger(bytes, type.Size, type.IsSigned);
                string? name = null;
                type.EnumValues?.TryGetValue(number, out name);
                return new EnumValue(number, name);
            }

            case RuntimeTypeKind.MacAddress:
                return new MacAddressValue(string.Create(17, bytes[..6].ToArray(), static (span, mac) =>
                {
                    for (int i = 0; i < 6; i++)
                    {
                        mac[i].TryFormat(span[(i * 3)..], out _, "X2");
                        if (i < 5)
                        {
                            span[(i * 3) + 2] = ':';
                        }
                    }
                }));
            default:
                throw new ArgumentException($"cannot decode values of kind {type.Kind}", nameof(type));
        }
    }

    /// <summary>
    /// Decodes the arguments of a printf/cat/system/join event: <paramref name="arguments"/> is the
    /// <see cref="FormatMetadata.Arguments"/> tuple, <paramref name="payload"/> the bytes after the 8-byte event header.
    /// </summary>
    public IReadOnlyList<Value> DecodeArguments(RuntimeType arguments, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Kind == RuntimeTypeKind.None || arguments.Fields.IsEmpty && arguments.Kind == RuntimeTypeKind.Tuple)
        {
            return Array.Empty<Value>();
        }

        return Decode(arguments, payload) is TupleValue tuple ? tuple.Elements : [Decode(arguments, payload)];
    }

    /// <summary>Reads a little-endian integer of 1, 2, 4 or 8 bytes, sign- or zero-extended to 64 bits.</summary>
    public static long ReadInteger(ReadOnlySpan<byte> bytes, int size, bool signed) => size switch
    {
        1 => signed ? (sbyte)bytes[0] : bytes[0],
        2 => signed ? BinaryPrimitives.ReadInt16LittleEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes),
        4 => signed ? BinaryPrimitives.ReadInt32LittleEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes),
        8 => BinaryPrimitives.ReadInt64LittleEndian(bytes),
        _ => throw new ArgumentException($"integer size {size} is not 1, 2, 4 or 8", nameof(size)),
    };

    private string ReadString(ReadOnlySpan<byte> field)
    {
        int end = field.IndexOf((byte)0);
        if (end < 0)
        {
            return RawText.Decode(field) + StringTruncationTrailer;
        }

        return RawText.Decode(field[..end]);
    }

    private StackValue DecodeStack(RuntimeType type, long stackId, int pid)
    {
        bool user = type.Kind == RuntimeTypeKind.UserStack;
        var mode = ParseStackMode(type.StackMode);
        string map = type.StackMap ?? string.Empty;
        var addresses = user ? _resolver.UserStack(map, stackId, pid) : _resolver.KernelStack(map, stackId);
        int depth = type.StackDepth > 0 ? Math.Min(type.StackDepth, addresses.Count) : addresses.Count;
        var frames = ImmutableArray.CreateBuilder<StackFrame>(depth);
        for (int i = 0; i < depth; i++)
        {
            ulong address = addresses[i];
            if (address == 0)
            {
                break;
            }

            string symbol = mode == StackMode.Raw
                ? string.Empty
                : user
                    ? _resolver.UserSymbol(pid, address, withOffset: true, withModule: mode == StackMode.Perf)
                    : _resolver.KernelSymbol(address, withOffset: true);
            frames.Add(new StackFrame(address, symbol));
        }

        return new StackValue(frames.ToImmutable(), mode, user);
    }

    /// <summary>Parses <see cref="RuntimeType.StackMode"/>: <c>bpftrace</c> (default), <c>perf</c>, <c>raw</c>.</summary>
    public static StackMode ParseStackMode(string? mode) => mode switch
    {
        "perf" => StackMode.Perf,
        "raw" => StackMode.Raw,
        _ => StackMode.Bpftrace,
    };

    private static InetValue DecodeInet(ReadOnlySpan<byte> bytes)
    {
        int family = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        string text = family switch
        {
            2 => new IPAddress(bytes.Slice(4, 4)).ToString(),
            10 => new IPAddress(bytes.Slice(4, 16)).ToString(),
            _ => string.Empty,
        };
        return new InetValue(family, text);
    }
}
