namespace BtLang.Driver.Output;

/// <summary>The <c>-f</c> output format.</summary>
public enum OutputFormat
{
    Text,
    Json,
}
