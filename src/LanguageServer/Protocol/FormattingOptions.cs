namespace BtLang.LanguageServer.Protocol;

/// <summary>Indentation preferences.</summary>
public sealed class FormattingOptions
{
    public int TabSize { get; init; } = 4;

    public bool InsertSpaces { get; init; } = true;
}
