using BtLang.Driver.Cli;
using BtLang.Driver.Runtime;

namespace BtLang.Driver.Tests.Cli;

/// <summary>The check of the <c>-c</c> command before anything is loaded: its program must exist and be executable.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ChildCommandCheckTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "btlang-child-check-" + Guid.NewGuid().ToString("N"));

    public ChildCommandCheckTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string CreateFile(string name, UnixFileMode mode)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, "#!/bin/sh\nexit 0\n");
        File.SetUnixFileMode(path, mode);
        return path;
    }

    [Fact]
    public void ExecutableByPathPasses()
    {
        string path = CreateFile("run", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Assert.Null(ChildProcess.Check($"{path} 1 2", pathVariable: null));
    }

    [Fact]
    public void MissingPathIsRefused()
    {
        string path = Path.Combine(_dir, "missing");
        var error = ChildProcess.Check(path + " arg", pathVariable: null);
        Assert.NotNull(error);
        Assert.Same(CliDiagnostics.CommandCannotRun, error.Descriptor);
        Assert.Equal($"failed to run command '{path} arg': '{path}' does not exist", error.Message);
    }

    [Fact]
    public void FileWithoutExecuteBitIsRefused()
    {
        string path = CreateFile("plain", UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Equal($"failed to run command '{path}': '{path}' is not executable", ChildProcess.Check(path, null)?.Message);
    }

    [Fact]
    public void DirectoryIsRefused()
    {
        Assert.Equal($"failed to run command '{_dir}': '{_dir}' is a directory", ChildProcess.Check(_dir, null)?.Message);
    }

    [Fact]
    public void NameIsLookedUpOnPath()
    {
        CreateFile("btlang-tool", UnixFileMode.UserRead | UnixFileMode.UserExecute);
        CreateFile("btlang-plain", UnixFileMode.UserRead);
        string pathVariable = "/nonexistent-dir:" + _dir;
        Assert.Null(ChildProcess.Check("btlang-tool --x", pathVariable));
        Assert.Equal("failed to run command 'btlang-plain': 'btlang-plain' was not found on PATH", ChildProcess.Check("btlang-plain", pathVariable)?.Message);
        Assert.Equal("failed to run command 'btlang-nothing': 'btlang-nothing' was not found on PATH", ChildProcess.Check("btlang-nothing", pathVariable)?.Message);
    }

    [Theory]
    [InlineData("FOO=1 /nonexistent/cmd")]
    [InlineData("'/nonexistent/quoted cmd'")]
    [InlineData("$HOME/bin/tool")]
    public void ShellSyntaxIsLeftToTheShell(string command)
    {
        Assert.Null(ChildProcess.Check(command, "/nonexistent-dir"));
    }

    [Fact]
    public void EmptyCommandIsRefused()
    {
        Assert.Equal("failed to run command '  ': the command is empty", ChildProcess.Check("  ", null)?.Message);
    }
}
