namespace BtLang.Semantics.Configuration;

/// <summary>Whether diagnostics are colored (<c>BPFTRACE_COLOR</c> / <c>BTLANG_COLOR</c>).</summary>
public enum ColorMode
{
    /// <summary><c>auto</c> (the default): color when both stdout and stderr are terminals.</summary>
    Auto,

    /// <summary><c>always</c>.</summary>
    Always,

    /// <summary><c>never</c>.</summary>
    Never,
}
