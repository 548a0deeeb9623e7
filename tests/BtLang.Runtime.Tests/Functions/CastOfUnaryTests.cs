using static BtLang.Runtime.Tests.Probes.CheckedRun;

namespace BtLang.Runtime.Tests.Functions;

/// <summary>
/// A cast followed by a unary operator (`(int8)-3`, `(uint8)-1`, `(uint64)*p`) is a cast of the operand, as in C and
/// bpftrace, and truncates and sign-extends to the cast type; `(x) - 1` with a non-type stays a subtraction.
/// </summary>
public sealed class CastOfUnaryTests
{
    [KernelFact]
    public void CastOfNegatedAndComplementedValues()
    {
        string script =
            "BEGIN { $x = 5; $y = 300; $p = &$y;\n" +
            "  printf(\"%d %d %d %d %d %d\\n\", (int8)-3, (uint8)-1, (int64)-$x, (int32)~$x, (uint8)!$x, (uint16)-$x);\n" +
            "  printf(\"%d %d %d\\n\", (uint8)*$p, (int8)-3 * 2, ($x) - 1);\n" +
            "  @a = (int8)-3; @b = (uint8)-1; exit(); }";
        var (code, stdout, stderr) = RunChecked("-e", script);
        Assert.True(code == 0, stderr);
        Assert.Equal("-3 255 -5 -6 0 65531\n44 -6 4\n\n\n@a: -3\n@b: 255\n", stdout);
    }
}
