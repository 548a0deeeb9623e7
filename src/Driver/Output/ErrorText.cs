using System.Globalization;
using System.Runtime.InteropServices;

namespace BtLang.Driver.Output;

/// <summary>The C library's text for an errno, as <c>strerror(3)</c> words it (what bpftrace's strerror() prints).</summary>
internal static class ErrorText
{
    /// <summary>The text of <paramref name="errno"/>, e.g. 2 gives "No such file or directory".</summary>
    public static string Describe(long errno) =>
        errno is >= int.MinValue and <= int.MaxValue
            ? Marshal.GetPInvokeErrorMessage((int)errno)
            : "Unknown error " + errno.ToString(CultureInfo.InvariantCulture);
}
