using BtLang.Driver.Cli;

namespace BtLang.Driver.Tests.Cli;

/// <summary>An in-memory environment: variables, files (path to text) and standard input.</summary>
internal sealed class FakeEnvironment : ICommandLineEnvironment
{
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    public string StandardInput { get; set; } = string.Empty;

    public int StandardInputReads { get; private set; }

    public FakeEnvironment WithFile(string path, string text)
    {
        Files[path] = text;
        return this;
    }

    public FakeEnvironment WithVariable(string name, string value)
    {
        Variables[name] = value;
        return this;
    }

    public string? GetEnvironmentVariable(string name) => Variables.TryGetValue(name, out var value) ? value : null;

    public bool PathExists(string path) => Files.ContainsKey(path);

    public bool TryReadAllText(string path, out string text, out string error)
    {
        if (Files.TryGetValue(path, out var found))
        {
            text = found;
            error = string.Empty;
            return true;
        }

        text = string.Empty;
        error = "No such file or directory";
        return false;
    }

    public string ReadStandardInput()
    {
        StandardInputReads++;
        return StandardInput;
    }
}
