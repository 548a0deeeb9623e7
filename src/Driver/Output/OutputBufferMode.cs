namespace BtLang.Driver.Output;

/// <summary>The <c>-B</c> buffering mode: flush after each line (default), only when asked/full, or after every write.</summary>
public enum OutputBufferMode
{
    Line,
    Full,
    None,
}
