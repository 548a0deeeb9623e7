namespace BtLang.Driver.LibBpf;

/// <summary>How to open and load a <see cref="BpfObject"/>.</summary>
public sealed record BpfObjectOptions
{
    public static readonly BpfObjectOptions Default = new();

    /// <summary>Bytes reserved per program for the verifier log (the tail is kept when it is longer).</summary>
    public int VerifierLogSize { get; init; } = 1 << 20;

    /// <summary>
    /// 0: the log is captured only when the verifier rejects a program (libbpf then reloads with level 1).
    /// 1 or 2: a log for every program, also on success (<c>-v</c>); slower.
    /// </summary>
    public uint VerifierLogLevel { get; init; }
}
