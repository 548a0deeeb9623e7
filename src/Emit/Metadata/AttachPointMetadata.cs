namespace BtLang.Emit.Metadata;

/// <summary>
/// One attach point as written (<see cref="Text"/>) and split into parts the driver needs. Which parts are used
/// depends on the provider:
/// tracepoint: Target = category, Function = event; uprobe/uretprobe/usdt: Target = binary path, Function = symbol
/// or probe name (usdt: Namespace = provider), Offset/Address; profile/interval: Unit + Frequency/Period;
/// software/hardware: Function = event name, Period; watchpoint: Address, Length, Mode; kprobe/fentry: Function.
/// </summary>
public sealed record AttachPointMetadata
{
    public required string Text { get; init; }

    public string? Target { get; init; }

    public string? Namespace { get; init; }

    public string? Function { get; init; }

    public ulong Offset { get; init; }

    public ulong Address { get; init; }

    /// <summary><c>hz</c>, <c>s</c>, <c>ms</c>, <c>us</c>, <c>ns</c> for profile/interval.</summary>
    public string? Unit { get; init; }

    /// <summary>Frequency or period count for profile/interval/software/hardware.</summary>
    public ulong Value { get; init; }

    public int Length { get; init; }

    /// <summary>Watchpoint mode: any combination of r, w, x.</summary>
    public string? Mode { get; init; }

    /// <summary>True when Target/Function still contain wildcards the driver must expand.</summary>
    public bool HasWildcard { get; init; }
}
