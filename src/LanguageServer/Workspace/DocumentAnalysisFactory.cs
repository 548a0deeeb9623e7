namespace BtLang.LanguageServer.Workspace;

/// <summary>Builds the analysis of a document version, given the previous version's analysis if it was built.</summary>
public delegate DocumentAnalysis DocumentAnalysisFactory(Document document, DocumentAnalysis? previous);
