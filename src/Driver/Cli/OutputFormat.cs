namespace BtLang.Driver.Cli;

/// <summary>The output format chosen with <c>-f</c>.</summary>
public enum OutputFormat
{
    /// <summary><c>-f text</c> (the default).</summary>
    Text,

    /// <summary><c>-f json</c>: one JSON document per line (NDJSON).</summary>
    Json,
}
