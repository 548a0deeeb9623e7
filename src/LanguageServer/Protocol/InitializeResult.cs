namespace BtLang.LanguageServer.Protocol;

/// <summary><c>initialize</c> result.</summary>
public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);
