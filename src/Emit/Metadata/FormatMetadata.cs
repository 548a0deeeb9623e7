namespace BtLang.Emit.Metadata;

/// <summary>
/// A user-space formatted output call site: printf, print(value), time, cat, system, join, errors. The
/// <see cref="Arguments"/> tuple describes the payload that follows the event header.
/// </summary>
public sealed record FormatMetadata
{
    public required EventKind Kind { get; init; }

    /// <summary>printf/cat/system format, time/strftime format, join separator, or helper name.</summary>
    public string Format { get; init; } = string.Empty;

    /// <summary>Arguments as one tuple (fields at their offsets from the start of the payload).</summary>
    public required RuntimeType Arguments { get; init; }

    /// <summary>Source position of the call, for runtime error messages: <c>stdin:1:5-10</c>.</summary>
    public string? Location { get; init; }
}
