namespace BtLang.LanguageServer.Protocol;

/// <summary>Markdown or plain text.</summary>
public sealed record MarkupContent(string Kind, string Value)
{
    public static MarkupContent Markdown(string value) => new("markdown", value);
}
