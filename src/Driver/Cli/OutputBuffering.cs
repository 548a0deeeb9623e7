namespace BtLang.Driver.Cli;

/// <summary>The stdout buffering chosen with <c>-B</c>; bpftrace's default is line buffering.</summary>
public enum OutputBuffering
{
    /// <summary><c>-B line</c> (the default): flush at every newline.</summary>
    Line,

    /// <summary><c>-B full</c>: flush when the buffer is full or at exit.</summary>
    Full,

    /// <summary><c>-B none</c>: write through, no buffering.</summary>
    None,
}
