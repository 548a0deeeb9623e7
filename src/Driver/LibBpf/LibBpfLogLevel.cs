namespace BtLang.Driver.LibBpf;

/// <summary>libbpf's print levels (<c>enum libbpf_print_level</c>).</summary>
public enum LibBpfLogLevel
{
    Warning = 0,
    Info = 1,
    Debug = 2,
}
