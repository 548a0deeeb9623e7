using System.Text;

namespace BtLang.Driver.Cli;

/// <summary>The real process environment, file system and standard input.</summary>
public sealed class ProcessEnvironment : ICommandLineEnvironment
{
    public static ProcessEnvironment Instance { get; } = new();

    private ProcessEnvironment()
    {
    }

    public string? GetEnvironmentVariable(string name) => Environment.GetEnvironmentVariable(name);

    public bool PathExists(string path) => File.Exists(path) || Directory.Exists(path);

    public bool TryReadAllText(string path, out string text, out string error)
    {
        text = string.Empty;
        if (Directory.Exists(path))
        {
            error = "Is a directory";
            return false;
        }

        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
            error = string.Empty;
            return true;
        }
        catch (FileNotFoundException)
        {
            error = "No such file or directory";
        }
        catch (DirectoryNotFoundException)
        {
            error = "No such file or directory";
        }
        catch (UnauthorizedAccessException)
        {
            error = "Permission denied";
        }
        catch (IOException e)
        {
            error = e.Message;
        }

        return false;
    }

    public string ReadStandardInput()
    {
        using var reader = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
