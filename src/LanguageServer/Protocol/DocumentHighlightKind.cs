namespace BtLang.LanguageServer.Protocol;

/// <summary>Read or write occurrence.</summary>
public enum DocumentHighlightKind
{
    Text = 1,
    Read = 2,
    Write = 3,
}
