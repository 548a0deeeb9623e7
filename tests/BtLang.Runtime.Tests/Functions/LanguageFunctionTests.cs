using BtLang.Runtime.Tests.Probes;

namespace BtLang.Runtime.Tests.Functions;

/// <summary>
/// End-to-end tests of the non-map language functions through the built <c>btlang</c> on the real kernel: each traces
/// only a workload it starts (or BEGIN), checks exact output, and ends with nothing of ours loaded.
/// </summary>
public sealed class LanguageFunctionTests
{
    private static string W => Workload.Path;

    private static (int Code, string Stdout, string Stderr) RunChecked(params string[] arguments)
    {
        var before = KernelFacts.LoadedPrograms();
        var result = BtlangProcess.Run(arguments);
        Leaks.AssertNoneSince(before);
        return result;
    }

    private static string[] Lines(string text, string prefix) =>
        text.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).ToArray();

    [KernelFact]
    public void StrContainsWithLiteralAndRunTimeNeedles()
    {
        // The workload lives in .../btlang-probe-tests/btwXXXXXXXXXX; its execve filename is that path.
        // Literal needles in one probe, run-time needles (nested loops, heavier to verify) in another.
        string script =
            "tracepoint:syscalls:sys_enter_execve /pid == cpid/ {\n" +
            "  $path = str(args.filename);\n" +
            "  printf(\"sl %d %d %d\\n\", strcontains($path, \"btw\"), strcontains($path, \"zz\"), strcontains($path, \"\"));\n" +
            "  @[strcontains($path, \"/btw\")] = count();\n" +
            "}\n" +
            "tracepoint:syscalls:sys_enter_execve /pid == cpid/ {\n" +
            "  $path = str(args.filename); $dir = \"probe-tests/\";\n" +
            "  printf(\"sn %d\\n\", strcontains($path, $dir));\n" +
            "}\n" +
            "tracepoint:syscalls:sys_enter_execve /pid == cpid/ {\n" +
            "  $path = str(args.filename); $absent = \"tests/x\";\n" +
            "  printf(\"sm %d\\n\", strcontains($path, $absent));\n" +
            "}";
        var (code, stdout, stderr) = RunChecked("-e", script, "-c", $"{W} 1 go");
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { "sl 1 0 1" }, Lines(stdout, "sl "));
        Assert.Equal(new[] { "sn 1" }, Lines(stdout, "sn "));
        Assert.Equal(new[] { "sm 0" }, Lines(stdout, "sm "));
        Assert.Equal(new[] { "@[true]: 1" }, Lines(stdout, "@"));
    }

    [KernelFact]
    public void StrErrorPrintsTheErrorText()
    {
        string script = "BEGIN { printf(\"%s|%s\\n\", strerror(2), strerror(13)); print(strerror(4)); @e[strerror(1)] = count(); @v = strerror(-3); exit(); }";
        var (code, stdout, stderr) = RunChecked("-e", script);
        Assert.True(code == 0, stderr);
        Assert.Equal(
            "No such file or directory|Permission denied\nInterrupted system call\n\n\n@e[Operation not permitted]: 1\n@v: Unknown error -3\n",
            stdout);
    }

    [KernelFact]
    public void StrErrorOfAFailedOpenOfTheWorkload()
    {
        // The workload's dynamic loader probes a few paths that do not exist before it finds libc: ENOENT.
        string script = "tracepoint:syscalls:sys_exit_openat /pid == cpid && args.ret < 0/ { @[strerror(-args.ret)] = count(); }";
        var (code, stdout, stderr) = RunChecked("-e", script, "-c", $"{W} 1 go");
        Assert.True(code == 0, stderr);
        Assert.All(Lines(stdout, "@"), l => Assert.Matches(@"^@\[No such file or directory\]: \d+$", l));
    }

    [KernelFact]
    public void CatPrintsAFileNamedByAFormat()
    {
        string dir = Path.Combine(Path.GetTempPath(), "btlang-cat-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "a.txt"), "first line\nsecond\n");
            var (code, stdout, stderr) = RunChecked("-e", $"BEGIN {{ cat(\"%s/%s.txt\", \"{dir}\", \"a\"); cat(\"{dir}/a.txt\"); exit(); }}");
            Assert.True(code == 0, stderr);
            Assert.StartsWith("first line\nsecond\nfirst line\nsecond\n", stdout);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [KernelFact]
    public void WildcardTracepointArgsAcrossFormats()
    {
        // sys_enter_write (unsigned int fd) and sys_enter_writev (unsigned long fd) differ: one program each. The
        // workload writes the address of its global to stdout once.
        var (code, stdout, stderr) = RunChecked("-e", "tracepoint:syscalls:sys_enter_write* /pid == cpid/ { @[probe, args.fd] = count(); }", "-c", $"{W} 1 go");
        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { "@[tracepoint:syscalls:sys_enter_write, 1]: 1" }, Lines(stdout, "@"));
        Assert.Contains("Attached 2 probes", stderr);
    }
}
