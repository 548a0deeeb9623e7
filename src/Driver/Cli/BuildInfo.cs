namespace BtLang.Driver.Cli;

/// <summary>The version that <c>btlang --version</c> prints, and the bpftrace release whose language and output it follows.</summary>
public static class BuildInfo
{
    /// <summary>BtLang's own version.</summary>
    public const string Version = "0.1.0";

    /// <summary>The bpftrace release whose language, flags and output formats BtLang follows.</summary>
    public const string BpftraceLanguageVersion = "0.26";

    /// <summary>The line <c>btlang -V</c> prints.</summary>
    public static string VersionLine => $"btlang v{Version} (bpftrace v{BpftraceLanguageVersion} language)";
}
