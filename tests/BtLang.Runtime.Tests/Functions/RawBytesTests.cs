using System.Diagnostics;
using System.Text;
using BtLang.Runtime.Tests.Probes;

namespace BtLang.Runtime.Tests.Functions;

/// <summary>
/// Strings that are not UTF-8 on the real kernel: the test's workload is a copy of cat whose file name (so its comm)
/// holds byte 0xff, reading a file whose name holds 0xfe, é and 0x01. comm, str(), printf %s (with width and
/// precision, which count bytes), print(), buf() with %r and string map keys and values reach stdout byte for byte,
/// as bpftrace prints them; JSON escapes those bytes as bpftrace does. Each run is also compared side by side, byte
/// for byte, with bpftrace 0.17 when it is installed (same output in both versions).
/// </summary>
public sealed class RawBytesTests : IDisposable
{
    private const string Script =
        "tracepoint:syscalls:sys_enter_openat /pid == cpid && str(args->filename, 5) == \"/tmp/\"/ {\n" +
        "  printf(\"%s|%s|%5.3s|%-12s|%r\\n\", comm, str(args->filename), str(args->filename), comm, buf(args->filename, 8));\n" +
        "  @[comm, str(args->filename)] = count(); @v[comm] = str(args->filename); @c[comm] = count(); print(comm);\n" +
        "}";

    private static readonly byte[] Comm = [(byte)'b', (byte)'t', 0xff, (byte)'c', (byte)'a', (byte)'t'];

    private readonly string _dir = Path.Combine("/tmp", "btlang-raw-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _launcher;

    public RawBytesTests()
    {
        // .NET cannot name a file with a byte that is not UTF-8; the shell can. The launcher lives outside /tmp so that
        // the shell opening it does not match the predicate; it execs the cat copy (same pid, new comm).
        Directory.CreateDirectory(_dir);
        Sh($"cp /bin/cat \"{_dir}/$(printf 'bt\\377cat')\" && printf 'hi\\n' > \"{_dir}/$(printf 'f\\376\\303\\251\\001')\"");
        _launcher = Path.Combine("/var/tmp", Path.GetFileName(_dir) + ".sh");
        File.WriteAllText(_launcher, $"#!/bin/sh\nd={_dir}\nexec \"$d/$(printf 'bt\\377cat')\" \"$d/$(printf 'f\\376\\303\\251\\001')\" > /dev/null\n");
    }

    /// <summary>The file the workload opens: "DIR/f" + 0xfe + é + 0x01.</summary>
    private byte[] FilePath => Concat(_dir + "/f", new byte[] { 0xfe, 0xc3, 0xa9, 0x01 });

    [KernelFact]
    public void TextOutputKeepsTheRawBytes()
    {
        var before = KernelFacts.LoadedPrograms();
        var (code, stdout, stderr) = BtlangProcess.RunRaw(BtlangProcess.Executable, "-e", Script, "-c", "/bin/sh " + _launcher);
        Leaks.AssertNoneSince(before, Leaks.ProgramTypesOf(Script));
        Assert.True(code == 0, stderr);
        byte[] expected = Concat(
            Comm, "|", FilePath, "|  /tm|", Comm, "      |/tmp/btl\n",
            Comm, "\n",
            "\n\n",
            "@[", Comm, ", ", FilePath, "]: 1\n",
            "@c[", Comm, "]: 1\n",
            "@v[", Comm, "]: ", FilePath, "\n");
        AssertBytes(expected, stdout);

        // -o FILE gets the same bytes.
        string file = _dir + ".out";
        try
        {
            var toFile = BtlangProcess.RunRaw(BtlangProcess.Executable, "-o", file, "-e", Script, "-c", "/bin/sh " + _launcher);
            Assert.True(toFile.Code == 0, toFile.Stderr);
            AssertBytes(expected, File.ReadAllBytes(file));
        }
        finally
        {
            File.Delete(file);
        }

        if (Bpftrace(out var theirs))
        {
            AssertBytes(theirs, stdout);
        }
    }

    [KernelFact]
    public void JsonEscapesTheBytesAsBpftraceDoes()
    {
        var (code, stdout, stderr) = BtlangProcess.RunRaw(BtlangProcess.Executable, "-f", "json", "-e", Script, "-c", "/bin/sh " + _launcher);
        Assert.True(code == 0, stderr);
        string path = _dir + "/f\\ufffffffe\\uffffffc3\\uffffffa9\\u0001";
        string[] expected =
        [
            "{\"type\": \"attached_probes\", \"count\": 1, \"data\": {\"probes\": 1}}",
            $"{{\"type\": \"printf\", \"data\": \"bt\\uffffffffcat|{path}|  /tm|bt\\uffffffffcat      |/tmp/btl\\n\"}}",
            "{\"type\": \"value\", \"data\": \"bt\\uffffffffcat\"}",
            $"{{\"type\": \"map\", \"data\": {{\"@\": {{\"bt\\uffffffffcat,{path}\": 1}}}}}}",
            "{\"type\": \"map\", \"data\": {\"@c\": {\"bt\\uffffffffcat\": 1}}}",
            $"{{\"type\": \"map\", \"data\": {{\"@v\": {{\"bt\\uffffffffcat\": \"{path}\"}}}}}}",
        ];
        Assert.True(stdout.All(b => b < 0x80), "JSON output must be ASCII: every high byte escaped");
        Assert.Equal(expected, Encoding.ASCII.GetString(stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries));

        if (Bpftrace(out var theirs, "-f", "json"))
        {
            // 0.17's attached_probes lacks 0.26's "count" and it prints two blank lines before the maps.
            static string[] Comparable(byte[] output) => Encoding.Latin1.GetString(output)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.Contains("attached_probes", StringComparison.Ordinal)).ToArray();
            Assert.Equal(Comparable(theirs), Comparable(stdout));
        }
    }

    public void Dispose()
    {
        Sh($"rm -rf '{_dir}' '{_launcher}'");
    }

    /// <summary>Runs the script under bpftrace 0.17 when installed; its stdout without the "Attaching" banner.</summary>
    private bool Bpftrace(out byte[] stdout, params string[] options)
    {
        stdout = [];
        if (!File.Exists("/usr/bin/bpftrace"))
        {
            return false; // the oracle is installed by the setup script; nothing to compare against without it
        }

        var (code, output, stderr) = BtlangProcess.RunRaw("/usr/bin/bpftrace", [.. options, "-e", Script, "-c", "/bin/sh " + _launcher]);
        Assert.True(code == 0, "bpftrace failed: " + stderr);
        byte[] banner = Encoding.ASCII.GetBytes("Attaching 1 probe...\n");
        stdout = output.AsSpan().StartsWith(banner) ? output[banner.Length..] : output;
        return true;
    }

    private static void AssertBytes(byte[] expected, byte[] actual) =>
        Assert.True(expected.AsSpan().SequenceEqual(actual),
            $"expected:\n{Convert.ToHexString(expected)}\n{Encoding.Latin1.GetString(expected)}\nactual:\n{Convert.ToHexString(actual)}\n{Encoding.Latin1.GetString(actual)}");

    private static byte[] Concat(params object[] parts) => parts.SelectMany(p => p switch
    {
        byte[] b => b,
        string s => Encoding.UTF8.GetBytes(s),
        _ => throw new ArgumentException("bytes or text"),
    }).ToArray();

    private static void Sh(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", command]) { UseShellExecute = false })!;
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)) && process.ExitCode == 0, command);
    }
}
