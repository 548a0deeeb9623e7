using System.Runtime.CompilerServices;

namespace BtLang.Runtime.Tests.Probes;

/// <summary>The workload of the uprobe args tests (Fixtures/dwarfargs.c), built once per test run with gcc -g (DWARF 5) at -O0.</summary>
internal static class DwarfWorkload
{
    private static readonly Lazy<string> Built = new(() => Build(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The path of the built program.</summary>
    public static string Path => Built.Value;

    private static string Build([CallerFilePath] string here = "")
    {
        string source = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(here)!, "..", "Fixtures", "dwarfargs.c");
        string dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "btlang-probe-tests");
        Directory.CreateDirectory(dir);
        string output = System.IO.Path.Combine(dir, "btd" + Guid.NewGuid().ToString("N")[..10]);
        var (code, log) = KernelFacts.Run("gcc", "-O0", "-g", "-Wall", "-o", output, source);
        Assert.True(code == 0, "gcc failed (is gcc installed?)\n" + log);
        return output;
    }
}
