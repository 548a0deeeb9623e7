namespace BtLang.Runtime.Tests.Reliability;

/// <summary>
/// Missing pieces of the machine: tracefs not mounted (and not mountable), kernel BTF absent, libbpf or libLLVM not
/// installed. Each is made in a private mount namespace (unshare --mount --propagation private), so the shared
/// machine never sees the unmount or the bind mounts, and they vanish with the test's process.
/// </summary>
public sealed class EnvironmentFaultTests
{
    private const string Tracefs = "/sys/kernel/tracing";

    /// <summary>Unmounts every tracefs (and debugfs, which shows tracefs too) in the namespace, and checks it is gone.</summary>
    private const string UnmountTracefs =
        "while umount /sys/kernel/debug/tracing 2>/dev/null; do :; done; while umount /sys/kernel/debug 2>/dev/null; do :; done; " +
        "while umount " + Tracefs + " 2>/dev/null; do :; done; test ! -e " + Tracefs + "/events || exit 97; ";

    private const string NapScript = "tracepoint:syscalls:sys_enter_clock_nanosleep /pid == cpid/ { @naps = count(); }";

    [KernelFact]
    public void TracefsNotMountedIsMountedByTheDriverAndTheTraceWorks()
    {
        bool mountedOutside = Directory.Exists(Tracefs + "/events");
        string sleep = KernelFacts.UniqueCopyOf("/bin/sleep", out _);
        var (code, stdout, stderr, ids) = InPrivateMounts(UnmountTracefs, ["-v", "-e", NapScript, "-c", sleep + " 0.3"]);

        Assert.True(code == 0, stderr);
        Assert.Contains("tracefs: /sys/kernel/tracing (mounted by btlang)", stderr);
        Assert.Contains("@naps: 1\n", stdout);
        Assert.NotEmpty(ids);
        Assert.Equal(mountedOutside, Directory.Exists(Tracefs + "/events")); // the machine's own mounts are untouched
        Leftovers.AssertNoneLeft(ids);
    }

    [KernelFact]
    public void TracefsThatCannotBeMountedIsOneClearErrorBeforeAnythingLoads()
    {
        // Without CAP_SYS_ADMIN (CAP_BPF and CAP_PERFMON stay, which is enough to trace) mount(2) fails with EPERM.
        string sleep = KernelFacts.UniqueCopyOf("/bin/sleep", out _);
        var (code, stdout, stderr, ids) = InPrivateMounts(
            UnmountTracefs + "exec setpriv --inh-caps=-sys_admin --bounding-set=-sys_admin \"$0\" \"$@\"; ",
            ["-e", NapScript, "-c", sleep + " 0.3"]);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal(
            $"ERROR: tracefs is not available at {Tracefs} and mounting it failed: mount -t tracefs nodev {Tracefs}: Operation not permitted\n" +
            $"HINT: mount it as root (CAP_SYS_ADMIN is needed): mount -t tracefs nodev {Tracefs}\n" +
            "BT3161\n",
            stderr);
        Assert.Empty(ids);
    }

    [KernelTheory]
    [InlineData("BEGIN { printf(\"%d\\n\", curtask->pid); exit(); }", 33)]
    [InlineData("kprobe:vfs_read { @[((struct file *)arg0)->f_flags] = count(); }", 23)]
    public void BtfAbsentIsOneClearErrorForScriptsThatNeedKernelTypes(string script, int column)
    {
        var (code, stdout, stderr, ids) = InPrivateMounts(HideBtf(), ["-e", script]);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        var lines = stderr.Split('\n');
        Assert.Equal(1, lines.Count(l => l.Contains("ERROR", StringComparison.Ordinal)));
        Assert.StartsWith($"stdin:1:{column}-", lines[0]);
        Assert.EndsWith(": ERROR: this script uses kernel types, which come from kernel BTF, but kernel BTF is not available (/sys/kernel/btf/vmlinux: not a BTF blob (bad magic or byte order))", lines[0]);
        Assert.StartsWith("HINT: boot a kernel built with CONFIG_DEBUG_INFO_BTF=y", lines[3]);
        Assert.Equal("BT3165", lines[4]);
        Assert.Empty(ids);
    }

    [KernelFact]
    public void BtfAbsentStillRunsScriptsThatNeedNoKernelTypes()
    {
        string sleep = KernelFacts.UniqueCopyOf("/bin/sleep", out _);
        var (code, stdout, stderr, ids) = InPrivateMounts(HideBtf(), ["-e", NapScript + " END { printf(\"pid %d\\n\", cpid); }", "-c", sleep + " 0.3"]);

        Assert.True(code == 0, stderr);
        Assert.Contains("@naps: 1\n", stdout);
        Assert.Matches(@"pid \d+\n", stdout);
        Assert.NotEmpty(ids);
        Leftovers.AssertNoneLeft(ids);
    }

    public static TheoryData<string, string> MissingLibraries()
    {
        var data = new TheoryData<string, string>();
        foreach (string binary in Binaries())
        {
            data.Add(binary, "libbpf");
            data.Add(binary, "llvm");
        }

        return data;
    }

    [KernelTheory]
    [MemberData(nameof(MissingLibraries))]
    public void MissingLibraryNamesTheDebianPackageWithoutAStackTrace(string binary, string library)
    {
        string file = library == "libbpf" ? ResolveLibrary("libbpf.so.1") : ResolveLibrary("libLLVM.so.19.1");
        string setup = BindEmptyOver(file);
        string trimmed = Path.Combine(Path.GetDirectoryName(AotBinary() ?? "/nonexistent/btlang")!, "libbtlang-llvm.so");
        if (library == "llvm" && binary == "aot" && File.Exists(trimmed))
        {
            // The AOT binary loads the trimmed LLVM beside it first (scripts/build-llvm-bpf.sh); without it, libLLVM.
            setup += BindEmptyOver(trimmed);
        }

        var (code, stdout, stderr, ids) = InPrivateMounts(setup, ["-e", "BEGIN { printf(\"hello\\n\"); exit(); }"], binary);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("Exception", stderr);
        if (library == "libbpf")
        {
            Assert.Matches(@"^ERROR: cannot load libbpf\.so\.1 \([^\n]*libbpf\.so\.1: file too short\): install the Debian package libbpf1 \(apt-get install libbpf1\)\nBT3164\n$", stderr);
        }
        else
        {
            Assert.Equal("ERROR: libLLVM.so.19.1 was not found: install the Debian package libllvm19 (apt-get install libllvm19)\nBT2005\n", stderr);
        }

        Assert.Empty(ids);
    }

    /// <summary>The JIT build next to the tests, and the Native AOT one that scripts/btlang runs when setup.sh built it.</summary>
    private static IEnumerable<string> Binaries()
    {
        yield return "jit";
        if (AotBinary() is not null)
        {
            yield return "aot";
        }
    }

    /// <summary>artifacts/aot/btlang of this tree, when it exists and is not older than the JIT build (as scripts/btlang decides).</summary>
    private static string? AotBinary()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BtLang.sln")))
            {
                string aot = Path.Combine(dir.FullName, "artifacts", "aot", "btlang");
                string jit = Path.Combine(dir.FullName, "src", "Driver", "bin", "Release", "net10.0", "btlang.dll");
                return File.Exists(aot) && (!File.Exists(jit) || File.GetLastWriteTimeUtc(aot) >= File.GetLastWriteTimeUtc(jit)) ? aot : null;
            }
        }

        return null;
    }

    /// <summary>The real file the dynamic loader opens for a library name (symlinks followed).</summary>
    private static string ResolveLibrary(string name)
    {
        foreach (string dir in new[] { "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu" })
        {
            string path = Path.Combine(dir, name);
            if (File.Exists(path))
            {
                return File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
            }
        }

        throw new FileNotFoundException("the library is not installed", name);
    }

    private static string HideBtf() => BindEmptyOver("/sys/kernel/btf/vmlinux");

    private static string BindEmptyOver(string path)
    {
        string empty = Path.Combine(Path.GetTempPath(), "btlang-runtime-tests", "empty");
        Directory.CreateDirectory(Path.GetDirectoryName(empty)!);
        File.WriteAllBytes(empty, []);
        return $"mount --bind '{empty}' '{path}' || exit 98; ";
    }

    /// <summary>
    /// Runs btlang after <paramref name="setup"/> in a private mount namespace. unshare and sh exec into btlang, so
    /// the watched pid is btlang's own and its programs are seen.
    /// </summary>
    private static (int Code, string Stdout, string Stderr, HashSet<int> Ids) InPrivateMounts(string setup, string[] arguments, string binary = "jit")
    {
        string executable = binary == "aot" ? AotBinary()! : BtlangProcess.Executable;
        string[] command = ["--mount", "--propagation", "private", "sh", "-c", setup + "exec \"$0\" \"$@\"", executable, .. arguments];
        var result = AttachFaultTests.RunWatched("unshare", command);
        Assert.True(result.Code is not (97 or 98), $"the namespace setup failed ({result.Code}): {result.Stderr}");
        return result;
    }
}
