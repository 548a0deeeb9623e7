namespace BtLang.LanguageServer.Protocol;

/// <summary>A parameter of a signature.</summary>
public sealed record ParameterInformation(string Label, MarkupContent? Documentation);
