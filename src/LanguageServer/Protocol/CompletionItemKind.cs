namespace BtLang.LanguageServer.Protocol;

/// <summary>LSP completion item kinds (the ones used).</summary>
public enum CompletionItemKind
{
    Text = 1,
    Function = 3,
    Field = 5,
    Variable = 6,
    Module = 9,
    Property = 10,
    Unit = 11,
    Value = 12,
    Keyword = 14,
    Snippet = 15,
    File = 17,
    Folder = 19,
    Event = 23,
    Constant = 21,
    Struct = 22,
}
