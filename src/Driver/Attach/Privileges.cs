using System.Globalization;
using BtLang.Diagnostics;
using BtLang.Driver.LibBpf;

namespace BtLang.Driver.Attach;

/// <summary>
/// Checks that the process may load and attach BPF programs: CAP_SYS_ADMIN, or CAP_BPF together with
/// CAP_PERFMON (read from the effective set in <c>/proc/self/status</c>).
/// </summary>
public static class Privileges
{
    public const int CapSysAdmin = 21;
    public const int CapPerfmon = 38;
    public const int CapBpf = 39;

    /// <summary>Null when tracing is allowed, else one BT3160 error naming what is missing.</summary>
    public static Diagnostic? Check() => Check(ReadEffectiveCapabilities());

    /// <summary>The same check for a given effective capability mask (for tests).</summary>
    public static Diagnostic? Check(ulong effective)
    {
        bool Has(int capability) => (effective & (1UL << capability)) != 0;
        if (Has(CapSysAdmin) || (Has(CapBpf) && Has(CapPerfmon)))
        {
            return null;
        }

        var missing = new List<string>();
        if (!Has(CapBpf))
        {
            missing.Add("CAP_BPF");
        }

        if (!Has(CapPerfmon))
        {
            missing.Add("CAP_PERFMON");
        }

        string what = string.Join(" and ", missing) + " (or CAP_SYS_ADMIN)";
        return Diagnostic.Create(LibBpfDiagnostics.MissingPrivilege, Location.None, what)
            .WithHint("run it as root, e.g. with sudo");
    }

    /// <summary>The CapEff mask of this process (0 when it cannot be read).</summary>
    public static ulong ReadEffectiveCapabilities()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("CapEff:", StringComparison.Ordinal))
                {
                    return ulong.Parse(line["CapEff:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }
}
