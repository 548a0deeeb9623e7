using System.Text;
using BtLang.Runtime.Tests.Probes;

namespace BtLang.Runtime.Tests.Functions;

/// <summary>
/// <c>-c CMD</c> whose bytes are not UTF-8 (a file name in another encoding): .NET decodes argv, turning such bytes into
/// U+FFFD, so btlang takes the command's bytes from /proc/self/cmdline and hands them to the shell unchanged. The
/// child here is <c>cat</c> of a file whose name holds byte 0xfe: it prints the file only when it got the exact name,
/// and the probe sees that name (printed with %r, which escapes the byte). btlang itself is started by a shell, since
/// .NET cannot put such bytes in an argument either.
/// </summary>
public sealed class ChildCommandRawBytesTests : IDisposable
{
    // The path is 18 bytes: "/tmp/" + "btlc" and 6 hex digits + "/f" + 0xfe.
    private const string Script =
        "tracepoint:syscalls:sys_enter_openat /pid == cpid && str(args->filename, 5) == \"/tmp/\"/ { printf(\"open %r\\n\", buf(args->filename, 18)); }";

    private readonly string _dir = Path.Combine("/tmp", "btlc" + Guid.NewGuid().ToString("N")[..6]);

    public ChildCommandRawBytesTests()
    {
        Directory.CreateDirectory(_dir);
        var (code, output) = KernelFacts.Run("/bin/sh", "-c", $"printf 'raw ok\\n' > \"{_dir}/$(printf 'f\\376')\"");
        Assert.True(code == 0, output);
    }

    [KernelTheory]
    [InlineData("-c \"cat $name\"")]
    [InlineData("\"--cmd=cat $name\"")]
    [InlineData("\"-ccat $name\"")]
    public void TheChildGetsTheCommandsExactBytes(string commandOption)
    {
        // $name is the file's path with its 0xfe byte, made by printf inside the shell that starts btlang.
        string shell = $"name=\"{_dir}/$(printf 'f\\376')\"; exec \"$0\" -e \"$1\" {commandOption}";
        var before = KernelFacts.LoadedPrograms();
        var (code, stdout, stderr) = BtlangProcess.RunRaw("/bin/sh", "-c", shell, BtlangProcess.Executable, Script);
        Leaks.AssertNoneSince(before, Leaks.ProgramTypesOf(Script));
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("No such file", stderr, StringComparison.Ordinal);
        string text = Encoding.Latin1.GetString(stdout);
        Assert.Contains("raw ok\n", text, StringComparison.Ordinal);
        Assert.Contains($"open {_dir}/f\\xfe\n", text, StringComparison.Ordinal);
    }

    public void Dispose() => KernelFacts.Run("/bin/sh", "-c", $"rm -rf '{_dir}'");
}
