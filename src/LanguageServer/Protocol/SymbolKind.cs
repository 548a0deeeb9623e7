namespace BtLang.LanguageServer.Protocol;

/// <summary>LSP symbol kinds (the ones used).</summary>
public enum SymbolKind
{
    Module = 2,
    Function = 12,
    Variable = 13,
    Constant = 14,
    Event = 24,
    Struct = 23,
    Property = 7,
}
