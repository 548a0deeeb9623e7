namespace BtLang.Runtime.Tests.Reliability;

/// <summary>Destructive actions need --unsafe; output files are never written through a symbolic link.</summary>
public sealed class SafetyTests
{
    [Theory]
    [InlineData("BEGIN { system(\"true\"); exit(); }", "system")]
    [InlineData("BEGIN { signal(\"KILL\"); exit(); }", "signal")]
    public void DestructiveActionsRefuseToCompileWithoutUnsafe(string script, string action)
    {
        string dir = TempDir();
        try
        {
            string file = Path.Combine(dir, "x.bt");
            File.WriteAllText(file, script);
            var (code, _, stderr) = BtlangProcess.Run("compile", file, "-o", Path.Combine(dir, "x.o"));
            Assert.Equal(1, code);
            Assert.Contains($"{action}() is an unsafe function", stderr);
            Assert.Contains("BT1014", stderr);
            Assert.Contains("--unsafe", stderr);
            Assert.False(File.Exists(Path.Combine(dir, "x.o")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void CompileOutputIsNotWrittenThroughASymlink()
    {
        string dir = TempDir();
        try
        {
            string file = Path.Combine(dir, "x.bt");
            File.WriteAllText(file, "BEGIN { exit(); }");
            string victim = Path.Combine(dir, "victim");
            File.WriteAllText(victim, "precious");
            string link = Path.Combine(dir, "x.o");
            File.CreateSymbolicLink(link, victim);
            var (code, _, stderr) = BtlangProcess.Run("compile", file, "-o", link);
            Assert.Equal(1, code);
            Assert.Contains("is a symbolic link", stderr);
            Assert.Equal("precious", File.ReadAllText(victim));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [KernelFact]
    public void TraceOutputIsNotWrittenThroughASymlinkButARealFileIsWritten()
    {
        string dir = TempDir();
        try
        {
            string victim = Path.Combine(dir, "victim");
            File.WriteAllText(victim, "precious");
            string link = Path.Combine(dir, "out.txt");
            File.CreateSymbolicLink(link, victim);
            var refused = BtlangProcess.Run("-o", link, "-e", "BEGIN { printf(\"hi\\n\"); exit(); }");
            Assert.Equal(1, refused.Code);
            Assert.Contains("is a symbolic link", refused.Stderr);
            Assert.Equal("precious", File.ReadAllText(victim));

            string real = Path.Combine(dir, "real.txt");
            var written = BtlangProcess.Run("-o", real, "-e", "BEGIN { printf(\"hi\\n\"); exit(); }");
            Assert.True(written.Code == 0, written.Stderr);
            Assert.StartsWith("hi\n", File.ReadAllText(real));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    internal static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "btlang-reliability-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
