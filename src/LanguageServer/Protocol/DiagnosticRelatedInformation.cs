namespace BtLang.LanguageServer.Protocol;

/// <summary>A place related to a diagnostic.</summary>
public sealed record DiagnosticRelatedInformation(LspLocation Location, string Message);
