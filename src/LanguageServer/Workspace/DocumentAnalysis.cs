namespace BtLang.LanguageServer.Workspace;

/// <summary>Placeholder until the front end lands.</summary>
public sealed class DocumentAnalysis
{
    public static DocumentAnalysis Create(Document document, DocumentAnalysis? previous) => new();
}
