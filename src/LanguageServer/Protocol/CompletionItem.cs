namespace BtLang.LanguageServer.Protocol;

/// <summary>One completion.</summary>
public sealed record CompletionItem
{
    public required string Label { get; init; }

    public CompletionItemKind Kind { get; init; }

    public string? Detail { get; init; }

    public MarkupContent? Documentation { get; init; }

    public string? SortText { get; init; }

    public string? FilterText { get; init; }

    public TextEdit? TextEdit { get; init; }
}
