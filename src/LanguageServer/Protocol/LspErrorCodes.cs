namespace BtLang.LanguageServer.Protocol;

/// <summary>JSON-RPC and LSP error codes the server replies with.</summary>
public static class LspErrorCodes
{
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ServerNotInitialized = -32002;
    public const int RequestFailed = -32803;
    public const int RequestCanceled = -32800;
}
