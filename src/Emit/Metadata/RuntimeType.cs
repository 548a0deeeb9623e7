using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace BtLang.Emit.Metadata;

/// <summary>
/// The layout and printing rules of one value as it is stored in a BPF map or an event record. Immutable and
/// JSON-serialisable (it is part of the object's metadata section).
/// </summary>
public sealed record RuntimeType
{
    public RuntimeTypeKind Kind { get; init; }

    /// <summary>Size in bytes of the whole value, padding included.</summary>
    public int Size { get; init; }

    public bool IsSigned { get; init; }

    /// <summary>Tuple, record and struct fields, in order, with their byte offsets.</summary>
    public ImmutableArray<RuntimeField> Fields { get; init; } = ImmutableArray<RuntimeField>.Empty;

    /// <summary>Array element type.</summary>
    public RuntimeType? Element { get; init; }

    /// <summary>Array element count.</summary>
    public int Count { get; init; }

    /// <summary>Struct/enum/pointee name, the strftime format for <see cref="RuntimeTypeKind.Timestamp"/>, or the hierarchy filter for <see cref="RuntimeTypeKind.CgroupPath"/>.</summary>
    public string? Name { get; init; }

    /// <summary>BPF name of the stack-trace map for stacks.</summary>
    public string? StackMap { get; init; }

    public int StackDepth { get; init; }

    /// <summary><c>bpftrace</c> (default), <c>perf</c> or <c>raw</c>.</summary>
    public string? StackMode { get; init; }

    /// <summary>Enum constants (value to name) for <see cref="RuntimeTypeKind.Enum"/>.</summary>
    public ImmutableDictionary<long, string>? EnumValues { get; init; }

    [JsonIgnore]
    public bool IsAggregate => false;

    public static RuntimeType None { get; } = new() { Kind = RuntimeTypeKind.None, Size = 0 };

    public static RuntimeType Int(int size, bool signed) => new() { Kind = RuntimeTypeKind.Integer, Size = size, IsSigned = signed };

    public static RuntimeType Int64 { get; } = Int(8, signed: true);

    public static RuntimeType UInt64 { get; } = Int(8, signed: false);

    public static RuntimeType Bool { get; } = new() { Kind = RuntimeTypeKind.Boolean, Size = 1 };

    public static RuntimeType String(int size) => new() { Kind = RuntimeTypeKind.String, Size = size };

    public bool Equals(RuntimeType? other) =>
        other is not null && Kind == other.Kind && Size == other.Size && IsSigned == other.IsSigned &&
        Fields.SequenceEqual(other.Fields) && Equals(Element, other.Element) && Count == other.Count &&
        Name == other.Name && StackMap == other.StackMap && StackDepth == other.StackDepth && StackMode == other.StackMode;

    public override int GetHashCode() => HashCode.Combine(Kind, Size, IsSigned, Fields.Length, Count, Name);
}
