namespace BtLang.Driver.LibBpf;

/// <summary>
/// A libbpf or kernel call failed in a way the caller did not expect (a map operation on a loaded object, say).
/// Failures users can cause (load, attach) are reported as diagnostics instead; see <see cref="LibBpfDiagnostics"/>.
/// </summary>
public sealed class LibBpfException : Exception
{
    public LibBpfException(string operation, int errno)
        : base($"{operation} failed: {LibBpfErrors.Describe(errno)}")
    {
        Operation = operation;
        Errno = errno;
    }

    /// <summary>The call that failed, e.g. <c>bpf_map_update_elem(@x)</c>.</summary>
    public string Operation { get; }

    /// <summary>The positive errno (or libbpf error code, 4000 and up).</summary>
    public int Errno { get; }
}
