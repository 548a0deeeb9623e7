namespace BtLang.Runtime.Tests;

/// <summary>
/// Keyless count/min/max/avg/stats/hist/lhist maps live in per-CPU arrays whose slots always exist; they must still
/// print like bpftrace's hash maps: nothing while never written, 0 after zero(), nothing after clear().
/// </summary>
public sealed class KeylessMapTests
{
    [KernelFact]
    public void NeverWrittenKeylessMapsPrintNothing()
    {
        // The tracepoint probe never fires for this pid filter; BEGIN writes @seen only.
        var (code, stdout, stderr) = BtlangProcess.Run("-e",
            "tracepoint:syscalls:sys_enter_getppid /pid == 1 && pid == 2/ { @c = count(); @m = max(tid); @a = avg(tid); @h = hist(tid); @l = lhist(tid, 0, 10, 1); } " +
            "BEGIN { @seen = count(); exit(); }");
        Assert.True(code == 0, stderr);
        Assert.Equal("\n\n@seen: 1\n", stdout);
    }

    [KernelFact]
    public void ZeroKeepsTheValueAndClearRemovesIt()
    {
        var (code, stdout, stderr) = BtlangProcess.Run("-e",
            "BEGIN { @z = count(); @z = count(); zero(@z); @c = count(); clear(@c); @k = min(-4); @k = min(3); exit(); }");
        Assert.True(code == 0, stderr);
        Assert.Equal("\n\n@k: -4\n@z: 0\n", stdout);
    }

    [KernelFact]
    public void AKeylessHistogramCountsEachBucket()
    {
        var (code, stdout, stderr) = BtlangProcess.Run("-e",
            "BEGIN { @h = hist(0); @h = hist(5); @h = hist(5); exit(); }");
        Assert.True(code == 0, stderr);
        Assert.Equal(
            "\n\n@h:\n" +
            "[0]                    1 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |\n" +
            "[1]                    0 |                                                    |\n" +
            "[2, 4)                 0 |                                                    |\n" +
            "[4, 8)                 2 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|\n" +
            "\n",
            stdout);
    }
}
