using System.Diagnostics;
using BtLang.LanguageServer.Handlers;
using BtLang.Semantics.ProbeCatalog;

namespace BtLang.LanguageServer.Tests;

/// <summary>Completion of uprobe <c>args</c> fields from the DWARF of a program compiled with gcc -g at test time.</summary>
public sealed class UprobeArgsCompletionTests
{
    [Fact]
    public void Uprobe_args_fields_come_from_the_dwarf_parameters()
    {
        string dir = Path.Combine(Path.GetTempPath(), "btlang-lsp-tests", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        string source = Path.Combine(dir, "p.c");
        string binary = Path.Combine(dir, "p");
        File.WriteAllText(source, "long bt_add(long a, const char *name) { return a + name[0]; }\nint main(void) { return (int)bt_add(1, \"x\"); }\n");
        using (var gcc = Process.Start(new ProcessStartInfo("gcc", ["-O0", "-g", "-o", binary, source]) { RedirectStandardError = true })!)
        {
            Assert.True(gcc.WaitForExit(60_000) && gcc.ExitCode == 0, gcc.StandardError.ReadToEnd());
        }

        var fields = ProbeArguments.Of($"uprobe:{binary}:bt_add", new SystemProbeCatalog()).ToList();
        Assert.Equal(new[] { "a: long int a", "name: const char* name" }, fields.Select(f => $"{f.Name}: {f.Declaration}"));
        Assert.Empty(ProbeArguments.Of($"uprobe:{binary}:bt_*", new SystemProbeCatalog()));
    }
}
