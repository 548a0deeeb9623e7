using System.Runtime.CompilerServices;

namespace BtLang.Runtime.Tests.Probes;

/// <summary>The C++ workload of the demangling tests (Fixtures/cxx.cpp), built once per test run with g++, without PIE, at -O0.</summary>
internal static class CxxWorkload
{
    private static readonly Lazy<string> Built = new(() => Build(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The path of the built program.</summary>
    public static string Path => Built.Value;

    private static string Build([CallerFilePath] string here = "")
    {
        string source = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(here)!, "..", "Fixtures", "cxx.cpp");
        string dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "btlang-probe-tests");
        Directory.CreateDirectory(dir);
        string output = System.IO.Path.Combine(dir, "btx" + Guid.NewGuid().ToString("N")[..10]);
        var (code, log) = KernelFacts.Run("g++", "-O0", "-g", "-no-pie", "-Wall", "-o", output, source);
        Assert.True(code == 0, "g++ failed (is g++ installed?)\n" + log);
        return output;
    }
}
