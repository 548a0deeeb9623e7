using BtLang.Emit.Llvm;

namespace BtLang.Emit.Btf;

/// <summary>
/// How a map's key or value is described: with a debug type (libbpf's <c>__type(key, T)</c>, which also gives
/// the size and lets bpftool pretty-print), or with a byte size only (<c>__uint(key_size, N)</c>).
/// </summary>
internal readonly record struct BtfMapSlot
{
    private BtfMapSlot(LlvmMetadata type, uint size)
    {
        Type = type;
        Size = size;
    }

    /// <summary>The debug type, or <see cref="LlvmMetadata.None"/> when only the size is given.</summary>
    public LlvmMetadata Type { get; }

    /// <summary>Size in bytes when given by size.</summary>
    public uint Size { get; }

    public bool HasType => !Type.IsNull;

    /// <summary><c>__type(x, T)</c>: the map's key or value is of debug type <paramref name="type"/>.</summary>
    public static BtfMapSlot OfType(LlvmMetadata type) =>
        type.IsNull ? throw new ArgumentException("a map slot type must not be null", nameof(type)) : new(type, 0);

    /// <summary><c>__uint(x_size, N)</c>: the map's key or value is <paramref name="size"/> bytes.</summary>
    public static BtfMapSlot OfSize(uint size) =>
        size == 0 ? throw new ArgumentOutOfRangeException(nameof(size), "a map slot needs a size") : new(LlvmMetadata.None, size);
}
