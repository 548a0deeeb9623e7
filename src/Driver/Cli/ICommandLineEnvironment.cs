namespace BtLang.Driver.Cli;

/// <summary>What the command line layer reads from the process: environment variables, files and standard input.
/// Tests pass a fake.</summary>
public interface ICommandLineEnvironment
{
    /// <summary>The variable's value, or null when it is not set.</summary>
    string? GetEnvironmentVariable(string name);

    /// <summary>True when <paramref name="path"/> names an existing file or directory.</summary>
    bool PathExists(string path);

    /// <summary>Reads a whole text file; on failure returns false and a reason in strerror's words
    /// (<c>No such file or directory</c>).</summary>
    bool TryReadAllText(string path, out string text, out string error);

    /// <summary>Reads standard input to its end.</summary>
    string ReadStandardInput();
}
