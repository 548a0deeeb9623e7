namespace BtLang.LanguageServer.Protocol;

/// <summary>One signature of a function.</summary>
public sealed record SignatureInformation(string Label, MarkupContent? Documentation, IReadOnlyList<ParameterInformation> Parameters, int? ActiveParameter);
