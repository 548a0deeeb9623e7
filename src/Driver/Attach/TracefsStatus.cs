namespace BtLang.Driver.Attach;

/// <summary>Where tracefs is, and whether this process had to mount it (the driver says so with -v).</summary>
/// <param name="Path">The tracefs root, e.g. <c>/sys/kernel/tracing</c>; null when unavailable.</param>
/// <param name="MountedByUs">True when tracefs was not mounted and this process mounted it.</param>
/// <param name="Error">Why tracefs is unavailable (null when available).</param>
public sealed record TracefsStatus(string? Path, bool MountedByUs, string? Error)
{
    public bool IsAvailable => Path is not null;

    /// <summary>One human line for <c>-v</c>: <c>/sys/kernel/tracing</c>, <c>/sys/kernel/tracing (mounted by btlang)</c> or <c>unavailable: why</c>.</summary>
    public string Describe() => Path is null
        ? $"unavailable: {Error ?? "unknown reason"}"
        : MountedByUs ? $"{Path} (mounted by btlang)" : Path;
}
