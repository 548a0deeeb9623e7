namespace BtLang.LanguageServer.Protocol;

/// <summary>Completion result; <see cref="IsIncomplete"/> when the list was capped.</summary>
public sealed record CompletionList(bool IsIncomplete, IReadOnlyList<CompletionItem> Items);
