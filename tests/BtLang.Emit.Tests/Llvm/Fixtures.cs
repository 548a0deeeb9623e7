using System.Runtime.CompilerServices;

namespace BtLang.Emit.Tests.Llvm;

/// <summary>Finds files in tests/BtLang.Emit.Tests/Fixtures (read from the source tree).</summary>
internal static class Fixtures
{
    public static string PathOf(string name, [CallerFilePath] string callerFile = "") =>
        Path.Combine(Path.GetDirectoryName(callerFile)!, "..", "Fixtures", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));
}
