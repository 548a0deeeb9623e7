using System.Globalization;
using BtLang.Runtime.Tests.Probes;
using static BtLang.Runtime.Tests.Probes.CheckedRun;

namespace BtLang.Runtime.Tests.Functions;

/// <summary>
/// Reading through pointers and indexing, as bpftrace does, on the real kernel: execve's <c>argv</c>
/// (<c>const char *const *</c>, a pointer to user pointers) by deref, pointer arithmetic (scaled by the element size),
/// constant and run-time <c>[]</c>; string and kernel char-array indexing; and strftime() values kept in maps, which
/// print with their own format. The workload is the test's -c child (pid == cpid).
/// </summary>
public sealed class PointerAndIndexTests
{
    private static string W => Workload.Path;

    [KernelFact]
    public void ArgvThroughDerefArithmeticAndIndex()
    {
        string script =
            "tracepoint:syscalls:sys_enter_execve /pid == cpid/ {\n" +
            "  $i = 2;\n" +
            "  printf(\"deref [%s] [%s] [%s]\\n\", str(*args.argv), str(*(args.argv + 1)), str(*(args.argv + 2)));\n" +
            "  printf(\"index [%s] [%s] [%s] [%d]\\n\", str(args.argv[0]), str(args.argv[1]), str(args.argv[$i]), args.argv[3] == 0);\n" +
            "  printf(\"step %d %d\\n\", (uint64)(args.argv + 1) - (uint64)args.argv, (uint64)(args.filename + 1) - (uint64)args.filename);\n" +
            "  printf(\"cast %d\\n\", *(uint64 *)args.argv == (uint64)(*args.argv));\n" +
            "}";
        var (code, stdout, stderr) = RunChecked("-e", script, "-c", $"{W} 1 go");
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { $"deref [{W}] [1] [go]" }, Lines(stdout, "deref "));
        Assert.Equal(new[] { $"index [{W}] [1] [go] [1]" }, Lines(stdout, "index "));
        Assert.Equal(new[] { "step 8 1" }, Lines(stdout, "step "));
        Assert.Equal(new[] { "cast 1" }, Lines(stdout, "cast "));
    }

    [KernelFact]
    public void StringAndCharArrayIndexing()
    {
        // The workload's comm is its file name (btw + 10 hex digits, 13 bytes).
        string comm = Workload.Comm;
        string script =
            $"uprobe:{W}:bt_add /pid == cpid && arg0 == 0/ {{ $i = 2; printf(\"chars %c%c%c %d %d %c\\n\", comm[0], comm[1], comm[$i], comm[15], comm[$i + 100], curtask->comm[1]); printf(\"task %d %d %s\\n\", curtask->pid == pid, curtask->parent->pid > 0, curtask->comm); }}";
        var (code, stdout, stderr) = RunChecked("-e", script, "-c", $"{W} 1 go");
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { $"chars {comm[..3]} 0 0 {comm[1]}" }, Lines(stdout, "chars "));
        // curtask is a kernel pointer even in a uprobe (it was read as user memory there, giving zeros).
        Assert.Equal(new[] { $"task 1 1 {comm}" }, Lines(stdout, "task "));
    }

    [KernelFact]
    public void StrftimeKeysAndValuesPrintWithTheirFormat()
    {
        // bpftrace prints a strftime() map key or value with the format of the call that made it.
        var (code, stdout, stderr) = RunChecked("-e",
            "BEGIN { @t[strftime(\"%Y\", nsecs)] = count(); @v = strftime(\"%m/%Y\", nsecs); @k[1, strftime(\"%Y!\", nsecs)] = 5; exit(); }");
        Assert.True(code == 0, stderr);
        var now = DateTime.Now;
        string year = now.Year.ToString(CultureInfo.InvariantCulture);
        Assert.Equal($"\n\n@k[1, {year}!]: 5\n@t[{year}]: 1\n@v: {now:MM}/{year}\n", stdout);
    }
}
