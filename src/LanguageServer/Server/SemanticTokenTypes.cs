namespace BtLang.LanguageServer.Server;

/// <summary>The semantic token legend: indexes into <see cref="Names"/>.</summary>
internal static class SemanticTokenTypes
{
    public const int Keyword = 0;
    public const int Variable = 1;
    public const int Function = 2;
    public const int Number = 3;
    public const int String = 4;
    public const int Comment = 5;
    public const int Operator = 6;
    public const int Property = 7;
    public const int Namespace = 8;
    public const int Parameter = 9;
    public const int Macro = 10;
    public const int Type = 11;
    public const int Event = 12;

    public static IReadOnlyList<string> Names { get; } =
        ["keyword", "variable", "function", "number", "string", "comment", "operator", "property", "namespace", "parameter", "macro", "type", "event"];
}
