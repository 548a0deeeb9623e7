namespace BtLang.LanguageServer.Protocol;

/// <summary>Signature help result.</summary>
public sealed record SignatureHelp(IReadOnlyList<SignatureInformation> Signatures, int ActiveSignature, int ActiveParameter);
