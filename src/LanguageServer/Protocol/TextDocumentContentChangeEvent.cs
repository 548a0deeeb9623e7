namespace BtLang.LanguageServer.Protocol;

/// <summary>One change: the whole text when <see cref="Range"/> is null, else a replacement of the range.</summary>
public sealed class TextDocumentContentChangeEvent
{
    public LspRange? Range { get; init; }

    public int? RangeLength { get; init; }

    public string Text { get; init; } = string.Empty;
}
