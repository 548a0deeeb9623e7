using BtLang.LanguageServer.Protocol;
using BtLang.LanguageServer.Server;
using BtLang.LanguageServer.Workspace;

namespace BtLang.LanguageServer.Handlers;

internal static class CompletionHandler { public static CompletionList? Handle(Document d, Position p, FeatureContext f, CancellationToken c) => null; }
internal static class HoverHandler { public static Hover? Handle(Document d, Position p, FeatureContext f, CancellationToken c) => null; }
internal static class SignatureHelpHandler { public static SignatureHelp? Handle(Document d, Position p, CancellationToken c) => null; }
internal static class SymbolHandler
{
    public static LspLocation[]? Definition(Document d, Position p, CancellationToken c) => null;
    public static LspLocation[]? References(Document d, Position p, bool i, CancellationToken c) => null;
    public static DocumentHighlight[]? Highlights(Document d, Position p, CancellationToken c) => null;
}
internal static class RenameHandler
{
    public static PrepareRenameResult? Prepare(Document d, Position p, CancellationToken c) => null;
    public static WorkspaceEdit? Rename(Document d, Position p, string n, CancellationToken c) => null;
}
internal static class CodeActionHandler { public static CodeAction[]? Handle(Document d, LspRange r, CancellationToken c) => null; }
