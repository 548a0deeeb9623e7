using BtLang.Runtime.Tests.Probes;

namespace BtLang.Runtime.Tests.Functions;

/// <summary>
/// \xNN and \NNN escapes are single bytes as in bpftrace: the UTF-8 bytes of a character written as escapes are that
/// character in BPF strings, comparisons, sizes and in printf text (they were each encoded as UTF-8 themselves, so
/// "\xe2\x94\x80" was six bytes and printed as mojibake).
/// </summary>
public sealed class StringEscapeTests
{
    [KernelFact]
    public void EscapedBytesAreOneByteEach()
    {
        string script = "BEGIN { $s = \"\\342\\224\\200x\"; printf(\"esc: \\xe2\\x94\\x80|%s|%d|%d|%d\\n\", $s, sizeof(\"\\xe2\\x94\\x80\"), \"\\xe2\\x94\\x80\" == \"\u2500\", $s == \"\u2500x\"); exit(); }";
        var before = KernelFacts.LoadedPrograms();
        var (code, stdout, stderr) = BtlangProcess.Run("-e", script);
        Leaks.AssertNoneSince(before, Leaks.ProgramTypesOf(script));
        Assert.True(code == 0, stderr);
        Assert.Contains("esc: \u2500|\u2500x|4|1|1\n", stdout, StringComparison.Ordinal);
    }
}
