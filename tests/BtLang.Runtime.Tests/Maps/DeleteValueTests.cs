using static BtLang.Runtime.Tests.Probes.CheckedRun;

namespace BtLang.Runtime.Tests.Maps;

/// <summary>
/// <c>delete()</c> as a value, as in bpftrace 0.24 and later: a bool that is true when the key existed (from
/// bpf_map_delete_elem's result), usable in conditions, scratch variables and maps; for every spelling
/// (<c>delete(@m, k)</c>, <c>delete(@m[k])</c>, a scalar map, tuple keys) and for hist maps (stored per bucket).
/// </summary>
public sealed class DeleteValueTests
{
    [KernelFact]
    public void DeleteReturnsWhetherTheKeyExisted()
    {
        string script =
            "BEGIN {\n" +
            "  @m[1] = 10; @m[2] = 20; @t[1, \"a\"] = 1; @s = 5; @h[7] = hist(100); @c[3] = count();\n" +
            "  $first = delete(@m, 1); $again = delete(@m[1]);\n" +
            "  printf(\"m %d %d\\n\", $first, $again);\n" +
            "  if (delete(@m, 2)) { printf(\"m2 deleted\\n\"); }\n" +
            "  if (!delete(@m, 3)) { printf(\"m3 absent\\n\"); }\n" +
            "  printf(\"t %d %d\\n\", delete(@t, (1, \"a\")), delete(@t, (1, \"b\")));\n" +
            "  printf(\"s %d %d\\n\", delete(@s), delete(@s));\n" +
            "  printf(\"h %d %d %d\\n\", delete(@h, 8), delete(@h, 7), delete(@h[7]));\n" +
            "  @ok = delete(@c, 3); @no = delete(@c[3]);\n" +
            "  print($first); print(@ok);\n" +
            "  exit();\n" +
            "}";
        var (code, stdout, stderr) = RunChecked("-e", script);
        Assert.True(code == 0, stderr);
        Assert.Equal(
            "m 1 0\nm2 deleted\nm3 absent\nt 1 0\ns 1 0\nh 0 1 0\ntrue\n@ok: true\n\n\n@no: false\n@ok: true\n",
            stdout);
    }
}
