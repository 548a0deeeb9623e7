namespace BtLang.Semantics.Configuration;

/// <summary>How user-space symbols are cached (config <c>cache_user_symbols</c>).</summary>
public enum UserSymbolCacheMode
{
    /// <summary>
    /// Not set: the runtime picks bpftrace's default, <see cref="PerProgram"/> when <c>-c</c> is given or ASLR is off
    /// (<c>/proc/sys/kernel/randomize_va_space</c> is 0), else <see cref="PerPid"/>.
    /// </summary>
    Auto,

    /// <summary><c>PER_PID</c>.</summary>
    PerPid,

    /// <summary><c>PER_PROGRAM</c>.</summary>
    PerProgram,

    /// <summary><c>NONE</c> (or <c>0</c>): no cache.</summary>
    None,
}
