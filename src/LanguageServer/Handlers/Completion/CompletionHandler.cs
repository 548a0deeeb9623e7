using System.Text.RegularExpressions;
using BtLang.LanguageServer.Protocol;
using BtLang.LanguageServer.Server;
using BtLang.LanguageServer.Workspace;
using BtLang.Semantics.Builtins;
using BtLang.Semantics.ProbeCatalog.Completion;
using BtLang.Semantics.ProbeCatalog.Providers;
using ProbeProvider = BtLang.Semantics.ProbeCatalog.Providers.ProbeProvider;
using BtLang.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.LanguageServer.Handlers;

/// <summary>
/// <c>textDocument/completion</c>. In a probe header: providers and attach points from the probe catalog (tracepoints,
/// kernel and user functions, events, ...). After <c>args.</c>/<c>args-></c>: the fields of the probe's tracepoint or
/// the arguments of its kernel function. Elsewhere in a body: maps and scratch variables in scope, the builtins the
/// probe allows (no <c>retval</c> in an entry probe), functions and keywords. Filtered by the word being typed,
/// capped at <see cref="MaxItems"/> with <c>isIncomplete</c>.
/// </summary>
internal static partial class CompletionHandler
{
    public const int MaxItems = 200;

    private static readonly string[] StatementKeywords =
        ["if", "else", "while", "for", "unroll", "return", "break", "continue", "let", "sizeof", "offsetof", "true", "false", "struct", "union", "enum"];

    private static readonly string[] TopLevelKeywords = ["config", "macro", "import", "let", "struct", "union", "enum", "typedef"];

    public static CompletionList? Handle(Document document, Position position, FeatureContext features, CancellationToken cancellationToken)
    {
        var analysis = document.Analysis;
        var root = analysis.Root;
        string text = document.Text.ToString();
        int offset = document.Lines.GetOffset(position);
        if (SyntaxQueries.IsInCommentOrString(root, offset))
            return new CompletionList(false, []);
        cancellationToken.ThrowIfCancellationRequested();

        var block = SyntaxQueries.EnclosingBlock(root, offset);
        var probe = SyntaxQueries.EnclosingProbe(root, offset);
        if (block is null && probe is null)
            return Header(document, text, offset, features);

        var member = MemberAccess().Match(text[Math.Max(0, offset - 200)..offset]);
        if (member.Success && member.Groups["target"].Value == "args" && probe is not null)
            return ArgsFields(document, offset - member.Groups["prefix"].Length, offset, member.Groups["prefix"].Value, probe, features);
        if (member.Success)
            return new CompletionList(false, []);

        int start = WordStart(text, offset);
        string prefix = text[start..offset];
        var items = new List<CompletionItem>();
        var range = document.Lines.GetRange(TextSpan.FromBounds(start, offset));
        AddSymbols(items, analysis, offset, prefix, range, cancellationToken);
        if (!prefix.StartsWith('@') && !prefix.StartsWith('$'))
        {
            AddBuiltins(items, probe, prefix, range);
            var taken = items.Select(i => i.Label).ToHashSet(StringComparer.Ordinal);
            foreach (var keyword in StatementKeywords)
            {
                if (keyword.StartsWith(prefix, StringComparison.Ordinal) && !taken.Contains(keyword))
                    items.Add(new CompletionItem { Label = keyword, Kind = CompletionItemKind.Keyword, SortText = "4" + keyword, TextEdit = new TextEdit(range, keyword) });
            }
        }
        return Cap(items);
    }

    /// <summary>Completion in a probe header: the attach point from its start to the cursor goes to the catalog.</summary>
    private static CompletionList Header(Document document, string text, int offset, FeatureContext features)
    {
        int start = offset;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] is not (',' or '{' or '}' or ';' or '/'))
            start--;
        // A path segment of a uprobe keeps its slashes: go back over "/dir/" runs that follow a colon.
        int colonBefore = text.LastIndexOf(':', offset - 1 < 0 ? 0 : offset - 1);
        if (start > 0 && text[start - 1] == '/' && colonBefore >= 0)
        {
            while (start > 0 && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] is not (',' or '{' or '}' or ';'))
                start--;
        }
        string attachPoint = text[start..offset];
        var result = new AttachPointCompleter(features.Catalog).Complete(attachPoint, MaxItems);
        var range = document.Lines.GetRange(TextSpan.FromBounds(start + result.ReplaceStart, offset));
        var items = new List<CompletionItem>(result.Items.Length + TopLevelKeywords.Length);
        foreach (var item in result.Items)
        {
            items.Add(new CompletionItem
            {
                Label = item.Label,
                Kind = Kind(item.Kind),
                Detail = item.Detail,
                Documentation = item.Documentation is null ? null : MarkupContent.Markdown("```c\n" + item.Documentation + "\n```"),
                SortText = "1" + item.Label,
                TextEdit = new TextEdit(range, item.Label),
            });
        }
        if (!attachPoint.Contains(':'))
        {
            foreach (var keyword in TopLevelKeywords)
            {
                if (keyword.StartsWith(attachPoint, StringComparison.Ordinal))
                    items.Add(new CompletionItem { Label = keyword, Kind = CompletionItemKind.Keyword, SortText = "2" + keyword, TextEdit = new TextEdit(range, keyword) });
            }
        }
        return new CompletionList(result.IsIncomplete, items);
    }

    private static CompletionList ArgsFields(Document document, int start, int offset, string prefix, ProbeSyntax probe, FeatureContext features)
    {
        var range = document.Lines.GetRange(TextSpan.FromBounds(start, offset));
        var items = new List<CompletionItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in ProbeArguments.Of(probe, features.Catalog))
        {
            if (field.Name.StartsWith(prefix, StringComparison.Ordinal) && seen.Add(field.Name))
            {
                items.Add(new CompletionItem
                {
                    Label = field.Name,
                    Kind = CompletionItemKind.Field,
                    Detail = field.Declaration,
                    Documentation = MarkupContent.Markdown($"```c\n{field.Declaration}\n```\nfield of `{field.Source}`"),
                    TextEdit = new TextEdit(range, field.Name),
                });
            }
        }
        return Cap(items);
    }

    private static void AddSymbols(List<CompletionItem> items, DocumentAnalysis analysis, int offset, string prefix, Protocol.LspRange range, CancellationToken cancellationToken)
    {
        foreach (var symbol in analysis.SymbolsInScope(offset, cancellationToken))
        {
            if (!symbol.Name.StartsWith(prefix, StringComparison.Ordinal) || symbol.Name == prefix && symbol.OnlyAtCursor)
                continue;
            items.Add(new CompletionItem
            {
                Label = symbol.Name,
                Kind = symbol.IsMap ? CompletionItemKind.Variable : CompletionItemKind.Variable,
                Detail = symbol.Display,
                Documentation = MarkupContent.Markdown($"```\n{symbol.Display}\n```\n{(symbol.IsMap ? "map" : "scratch variable")}"),
                SortText = (symbol.IsMap ? "1" : "0") + symbol.Name,
                TextEdit = new TextEdit(range, symbol.Name),
            });
        }
    }

    private static void AddBuiltins(List<CompletionItem> items, ProbeSyntax? probe, string prefix, Protocol.LspRange range)
    {
        var providers = probe is null ? [] : SyntaxQueries.Providers(probe);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var info in BuiltinCatalog.Variables)
        {
            if (!info.Name.StartsWith(prefix, StringComparison.Ordinal) || !BuiltinAvailability.IsAllowed(info.Name, providers) || !seen.Add(info.Name))
                continue;
            items.Add(Builtin(info, CompletionItemKind.Variable, "2", range));
        }
        if (providers.Count > 0 && providers.All(p => p.Allows(ProbeBuiltins.ArgN)))
        {
            for (int i = 0; i < 6; i++)
            {
                string name = "arg" + i;
                if (name.StartsWith(prefix, StringComparison.Ordinal) && BuiltinCatalog.FindVariable(name) is { } info)
                    items.Add(Builtin(info, CompletionItemKind.Variable, "2", range));
            }
        }
        var seenFunctions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var info in BuiltinCatalog.Functions)
        {
            if (!info.Name.StartsWith(prefix, StringComparison.Ordinal) || seen.Contains(info.Name) || !seenFunctions.Add(info.Name))
                continue;
            items.Add(Builtin(info, CompletionItemKind.Function, "3", range));
        }
    }

    private static CompletionItem Builtin(BuiltinInfo info, CompletionItemKind kind, string sortGroup, Protocol.LspRange range) => new()
    {
        Label = info.Name,
        Kind = kind,
        Detail = info.Signature,
        Documentation = MarkupContent.Markdown(BuiltinDocs.Markdown(info)),
        SortText = sortGroup + info.Name,
        TextEdit = new TextEdit(range, info.Name),
    };

    private static CompletionList Cap(List<CompletionItem> items)
    {
        if (items.Count <= MaxItems)
            return new CompletionList(false, items);
        return new CompletionList(true, items.OrderBy(i => i.SortText ?? i.Label, StringComparer.Ordinal).Take(MaxItems).ToList());
    }

    /// <summary>The start of the word ending at the cursor, with its sigil (<c>@</c>, <c>$</c>).</summary>
    internal static int WordStart(string text, int offset)
    {
        int start = offset;
        while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] == '_'))
            start--;
        if (start > 0 && text[start - 1] is '@' or '$')
            start--;
        return start;
    }

    private static CompletionItemKind Kind(AttachPointCompletionKind kind) => kind switch
    {
        AttachPointCompletionKind.Provider => CompletionItemKind.Module,
        AttachPointCompletionKind.TracepointCategory => CompletionItemKind.Module,
        AttachPointCompletionKind.TracepointEvent => CompletionItemKind.Event,
        AttachPointCompletionKind.RawTracepoint => CompletionItemKind.Event,
        AttachPointCompletionKind.KernelFunction => CompletionItemKind.Function,
        AttachPointCompletionKind.UserFunction => CompletionItemKind.Function,
        AttachPointCompletionKind.Binary => CompletionItemKind.File,
        AttachPointCompletionKind.UsdtProvider => CompletionItemKind.Module,
        AttachPointCompletionKind.UsdtProbe => CompletionItemKind.Event,
        AttachPointCompletionKind.PerfEvent => CompletionItemKind.Event,
        AttachPointCompletionKind.Unit => CompletionItemKind.Unit,
        _ => CompletionItemKind.Value,
    };

    [GeneratedRegex(@"(?<target>[A-Za-z_][A-Za-z0-9_]*)\s*(\.|->)\s*(?<prefix>[A-Za-z0-9_]*)$")]
    private static partial Regex MemberAccess();
}
