using BtLang.Runtime.Tests.Probes;
using static BtLang.Runtime.Tests.Probes.CheckedRun;

namespace BtLang.Runtime.Tests.Functions;

/// <summary>
/// A variable assigned in the branches of an if/else and read after it (tcpconnect.bt, tcpdrop.bt, written for
/// bpftrace 0.20 and older) is one probe-wide variable at run time: the branch taken sets what the read sees.
/// </summary>
public sealed class ProbeScopedVariableRunTests
{
    [KernelFact]
    public void BranchAssignmentsAreSeenAfterTheBlock()
    {
        string script =
            "BEGIN {\n" +
            "  if (pid > 0) { $s = \"yes\"; $n = 1; } else { $s = \"no\"; $n = 2; }\n" +
            "  if (pid == 0) { $t = \"zero\"; } else { $t = \"other-branch\"; }\n" +
            "  let $u; if (pid > 0) { $u = \"declared\"; }\n" +
            "  printf(\"%s %d %s %s\\n\", $s, $n, $t, $u);\n" +
            "  exit();\n" +
            "}";
        var (code, stdout, stderr) = RunChecked("-e", script);
        Assert.True(code == 0, stderr);
        Assert.Equal("yes 1 other-branch declared", stdout.TrimEnd('\n'));
        Assert.Equal(3, stderr.Split('\n').Count(l => l == "BT1505"));
    }
}
