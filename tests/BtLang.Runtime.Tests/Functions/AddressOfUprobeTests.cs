using BtLang.Runtime.Tests.Probes;

namespace BtLang.Runtime.Tests.Functions;

/// <summary>
/// Reads through <c>&amp;</c> pointers in a uprobe: a scratch variable lives on the BPF stack and a map value in a
/// kernel map, so they must be read with the kernel helper although uprobe pointers default to user memory. The
/// workload (Fixtures/workload.c) calls bt_add(i, 40) for i in 0..4.
/// </summary>
public sealed class AddressOfUprobeTests
{
    private static string W => Workload.Path;

    [KernelFact]
    public void DereferencingAddressesOfVariablesAndMapValuesReadsKernelMemory()
    {
        string script =
            $"uprobe:{W}:bt_add /pid == cpid/ {{ $x = arg0 + arg1; $p = &$x; @m[arg0] = arg0 * 3; $q = &@m[arg0]; @sum = sum(*$p); @three = sum(*$q); }}\n" +
            "tracepoint:syscalls:sys_enter_exit_group /pid == cpid/ { printf(\"sum=%d three=%d\\n\", @sum, @three); clear(@m); clear(@sum); clear(@three); }\n";
        var before = KernelFacts.LoadedPrograms();
        var (code, stdout, stderr) = BtlangProcess.Run("-e", script, "-c", $"{W} 5 go");
        Leaks.AssertNoneSince(before, Leaks.ProgramTypesOf(script));
        Assert.True(code == 0, stderr);
        Assert.Contains("sum=210 three=30\n", stdout, StringComparison.Ordinal);
    }
}
