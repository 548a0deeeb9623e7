using System.Collections.Immutable;

namespace BtLang.Semantics.ProbeCatalog.Completion;

/// <summary>Completions for an attach point typed so far.</summary>
/// <param name="ReplaceStart">Offset in the attach point text where the completed segment starts (items replace
/// the text from there to the cursor).</param>
/// <param name="Items">The items, sorted, at most the requested maximum.</param>
/// <param name="IsIncomplete">True if more items matched than were returned (LSP <c>isIncomplete</c>).</param>
public sealed record AttachPointCompletionResult(int ReplaceStart, ImmutableArray<AttachPointCompletionItem> Items, bool IsIncomplete)
{
    /// <summary>No completions.</summary>
    public static AttachPointCompletionResult Empty(int replaceStart) => new(replaceStart, [], false);
}
