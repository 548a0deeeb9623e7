namespace BtLang.Runtime.Tests.Probes;

/// <summary>
/// Runs the built <c>btlang</c> and fails the test if the run left a program loaded (of the program types its command
/// line can load, so that other BtLang runs on the machine do not count); and picks lines out of its output.
/// </summary>
internal static class CheckedRun
{
    public static (int Code, string Stdout, string Stderr) RunChecked(params string[] arguments)
    {
        var before = KernelFacts.LoadedPrograms();
        var result = BtlangProcess.Run(arguments);
        Leaks.AssertNoneSince(before, Leaks.ProgramTypesOf(string.Join('\n', arguments)));
        return result;
    }

    /// <summary>The lines of <paramref name="text"/> that start with <paramref name="prefix"/>.</summary>
    public static string[] Lines(string text, string prefix) =>
        text.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
}
