namespace BtLang.Runtime.Tests.Probes;

/// <summary>
/// The probe kinds this kernel cannot attach (kprobes are off, no fentry/fexit tracing programs, no hardware PMU; iterators do work): they compile
/// to the right program sections, and running them fails with one line naming the missing feature, exit 1, nothing left loaded.
/// </summary>
public sealed class UnsupportedProbeTests
{
    [KernelTheory]
    [InlineData("kprobe:do_sys_open", "kprobes are not supported by this kernel")]
    [InlineData("kretprobe:do_sys_open", "kprobes are not supported by this kernel")]
    [InlineData("fentry:vfs_read", "fentry probes are not supported by this kernel")]
    [InlineData("fexit:vfs_read", "fexit probes are not supported by this kernel")]
    [InlineData("hardware:cache-misses:1000", "hardware events are not supported on this machine")]
    public void AttachingFailsWithOneClearLine(string attachPoint, string expected)
    {
        var before = KernelFacts.LoadedPrograms();
        var (code, stdout, stderr) = BtlangProcess.Run("-e", attachPoint + " { @n = count(); }");
        Assert.Equal(1, code);
        Assert.Empty(stdout);
        var errors = stderr.Split('\n').Where(l => l.StartsWith("ERROR:", StringComparison.Ordinal)).ToList();
        var error = Assert.Single(errors);
        Assert.StartsWith("ERROR: " + expected, error);
        Assert.Contains(attachPoint, error);
        Leaks.AssertNoneSince(before, Leaks.ProgramTypesOf(attachPoint));
    }

    [Fact]
    public void CompileToTheirProgramSections()
    {
        string dir = Path.Combine(Path.GetTempPath(), "btlang-sections-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string script = Path.Combine(dir, "k.bt");
            string obj = Path.Combine(dir, "k.o");
            File.WriteAllText(script,
                "kprobe:do_sys_open { @a = count(); }\nkretprobe:do_sys_open { @b = retval; }\nfentry:vfs_read { @c = count(); }\n" +
                "fexit:vfs_read { @d = count(); }\niter:task { @e = count(); }\n");
            var compile = BtlangProcess.Run("compile", script, "-o", obj);
            Assert.True(compile.Code == 0, compile.Stderr);

            var (code, headers) = KernelFacts.Run("llvm-objdump-19", "-h", obj);
            Assert.True(code == 0, headers);
            var sections = headers.Split('\n')
                .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(f => f.Length >= 5 && f[^1] == "TEXT" && f[1] != ".text")
                .Select(f => f[1])
                .ToList();
            Assert.Equal(new[] { "kprobe/do_sys_open", "kretprobe/do_sys_open", "fentry/vfs_read", "fexit/vfs_read", "iter/task" }, sections);

            // Each section holds one program, described in the object's BTF as a function with a named ctx parameter.
            var (btfCode, btf) = KernelFacts.Run("bpftool", "btf", "dump", "file", obj);
            Assert.True(btfCode == 0, btf);
            var functions = btf.Split('\n').Where(l => l.Contains("] FUNC 'bt_p", StringComparison.Ordinal)).Select(l => l.Split('\'')[1]).ToList();
            Assert.Equal(new[] { "bt_p0_kprobe", "bt_p1_kretprobe", "bt_p2_fentry", "bt_p3_fexit", "bt_p4_iter" }, functions);
            Assert.Equal(5, btf.Split('\n').Count(l => l.StartsWith("\t'ctx' ", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
