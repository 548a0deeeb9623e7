using BtLang.Syntax.InternalSyntax;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.Syntax.Parsing;

/// <summary>
/// Reparses an edited text by re-lexing and re-parsing only the top-level members (probes, macros, config blocks, ...)
/// that the edit touches, and splicing the new members between the old tree's untouched green members.
/// </summary>
/// <remarks>
/// The result must equal a fresh parse of the new text, so the splice is taken only where that is certain, and
/// otherwise the caller parses the whole text:
/// <list type="bullet">
/// <item>The window (the touched members, widened while a condition below fails) parses on its own in a way that
/// cannot depend on what follows it: the lexer ends in its initial state with every bracket closed, and the parser
/// never looked past the window's last member while parsing its members (<see cref="ParseResult.IsSelfContained"/>).
/// A window with syntax errors qualifies too: its errors and their recovery stay inside it.</item>
/// <item>The window starts at the start of the text or right after an end of line that ends the member before it, and
/// ends at the end of the text or right after an end of line that its last token owns as trailing trivia: at such
/// points the lexer is at the start of a line in its initial state, and trivia cannot move across them.</item>
/// <item>The old tree's diagnostics all lie in the window (it grows to hold them), and the reused members hold no
/// skipped or missing tokens.</item>
/// <item>The member before the touched ones is parsed again too, since its parse may have looked at the token after it.</item>
/// </list>
/// </remarks>
internal static class IncrementalParser
{
    /// <summary>A member parsed in front of a window that does not start the text (see <see cref="TryReparse"/>).</summary>
    private const string LeadingMember = "BEGIN {}\n";

    /// <summary>How often the window may grow by one member on a side before the caller parses everything.</summary>
    private const int MaxWidenings = 4;

    /// <summary>
    /// The green root and diagnostics (positions in <paramref name="newText"/>) of the new text, or null when only a
    /// full parse is certain to be right.
    /// </summary>
    public static ParseResult? TryReparse(GreenNode oldRoot, IReadOnlyList<TextSpan> oldDiagnostics, SourceText newText, TextChangeRange change)
    {
        bool oldHasDiagnostics = oldDiagnostics.Count > 0;
        if (oldRoot.Kind != SyntaxKind.CompilationUnit || oldRoot.SlotCount != 2 || oldRoot.GetSlot(1) is not GreenToken oldEof)
        {
            return null;
        }

        var list = oldRoot.GetSlot(0);
        int memberCount = list?.SlotCount ?? 0;

        // Elements 0..memberCount-1 are the members, element memberCount is the end-of-file token (its leading trivia).
        var starts = new int[memberCount + 2];
        for (int i = 0; i < memberCount; i++)
        {
            starts[i + 1] = starts[i] + list!.GetSlot(i)!.FullWidth;
        }

        starts[memberCount + 1] = starts[memberCount] + oldEof.FullWidth;
        int changeStart = change.Span.Start;
        int changeEnd = change.Span.End;
        int delta = change.NewLength - change.Span.Length;
        if (starts[memberCount + 1] + delta != newText.Length)
        {
            return null;
        }

        // Every element whose full span touches the change (an insertion between two members touches both).
        int first = 0;
        while (first < memberCount && starts[first + 1] < changeStart)
        {
            first++;
        }

        int last = memberCount;
        while (last > first && starts[last] > changeEnd)
        {
            last--;
        }

        // The member before the edit comes along: its parse may have looked at the first token after it (an optional
        // `;` after `import "x"`), which the edit may have changed. Past the window, the lexer and parser looking
        // ahead is checked instead (IsSelfContained).
        if (first > 0)
        {
            first--;
        }

        // The old tree's diagnostics (a probe being typed) come into the window too: their members are parsed again.
        if (oldHasDiagnostics)
        {
            int low = oldDiagnostics.Min(d => d.Start);
            int high = oldDiagnostics.Max(d => d.End);
            while (first > 0 && starts[first] > low)
            {
                first--;
            }

            while (last < memberCount && starts[last + 1] <= high)
            {
                last++;
            }
        }

        for (int attempt = 0; attempt <= MaxWidenings; attempt++)
        {
            if (first == 0 && last == memberCount)
            {
                return null; // the whole text: nothing to reuse
            }

            if (first > 0 && (!EndsWithEndOfLine(list!.GetSlot(first - 1)!) || IsImportWithoutSemicolon(list!.GetSlot(first - 1)!)))
            {
                first--;
                continue;
            }

            int oldStart = starts[first];
            int oldEnd = starts[last + 1];
            if (!oldDiagnostics.All(d => d.Start >= oldStart && (d.End < oldEnd || last == memberCount)))
            {
                return null;
            }

            string window = newText.ToString(TextSpan.FromBounds(oldStart, oldEnd + delta));

            // After a member, the parser is at the loop back of `member*`, not at its entry as at the start of a text,
            // and recovers from errors differently there: a member in front puts it in the same state.
            string prefix = oldStart > 0 ? LeadingMember : string.Empty;
            var result = LanguageParser.Parse(prefix + window);
            if (!result.IsSelfContained || result.Root.GetSlot(1) is not GreenToken newEof)
            {
                return null;
            }

            var parsedMembers = result.Root.GetSlot(0);
            int skip = prefix.Length > 0 ? 1 : 0;
            if (skip == 1 && (parsedMembers is null || parsedMembers.SlotCount == 0 || parsedMembers.GetSlot(0)!.FullWidth != prefix.Length))
            {
                return null;
            }

            var newMembers = parsedMembers;
            int newCount = (parsedMembers?.SlotCount ?? 0) - skip;
            if (first == 0 && newCount == 0)
            {
                return null; // the first reused member would start the text (where `#!` is a shebang)
            }

            if (last < memberCount && (newEof.FullWidth != 0 || (newCount > 0 && !EndsWithEndOfLine(newMembers!.GetSlot(skip + newCount - 1)!))))
            {
                last++;
                continue;
            }

            var members = new List<GreenNode>(first + newCount + memberCount - Math.Min(last + 1, memberCount));
            for (int i = 0; i < first; i++)
            {
                members.Add(list!.GetSlot(i)!);
            }

            for (int i = 0; i < newCount; i++)
            {
                members.Add(newMembers!.GetSlot(skip + i)!);
            }

            for (int i = last + 1; i < memberCount; i++)
            {
                members.Add(list!.GetSlot(i)!);
            }

            if (oldHasDiagnostics && (!AllClean(list!, 0, first) || !AllClean(list!, last + 1, memberCount)))
            {
                return null;
            }

            var root = GreenFactory.CompilationUnit(GreenInnerNode.List(members), last == memberCount ? newEof : oldEof);
            if (root.FullWidth != newText.Length)
            {
                return null;
            }

            if (result.Diagnostics.Any(d => d.Span.Start < prefix.Length))
            {
                return null;
            }

            var diagnostics = result.Diagnostics
                .Select(d => d with { Span = new TextSpan(d.Span.Start - prefix.Length + oldStart, d.Span.Length) })
                .ToList();
            return new ParseResult(root, diagnostics, IsSelfContained: true);
        }

        return null;
    }

    /// <summary>`import "x"` without its optional `;`: a `;` at the start of the next member would become part of it.</summary>
    private static bool IsImportWithoutSemicolon(GreenNode member) =>
        member.Kind == SyntaxKind.Import && member.GetSlot(member.SlotCount - 1) is null;

    /// <summary>True if the node's last token owns an end of line as the last piece of its trailing trivia.</summary>
    private static bool EndsWithEndOfLine(GreenNode node)
    {
        var token = LastToken(node);
        return token is { TrailingTrivia.Length: > 0 } && token.TrailingTrivia[^1].Kind == SyntaxKind.EndOfLineTrivia;
    }

    private static GreenToken? LastToken(GreenNode node)
    {
        while (node is not GreenToken)
        {
            GreenNode? next = null;
            for (int i = node.SlotCount - 1; i >= 0; i--)
            {
                if (node.GetSlot(i) is { FullWidth: > 0 } child)
                {
                    next = child;
                    break;
                }
            }

            if (next is null)
            {
                return null;
            }

            node = next;
        }

        return (GreenToken)node;
    }

    /// <summary>True if the members in [start, end) hold no skipped tokens and no missing tokens.</summary>
    private static bool AllClean(GreenNode list, int start, int end)
    {
        var stack = new Stack<GreenNode>();
        for (int i = start; i < end; i++)
        {
            stack.Push(list.GetSlot(i)!);
        }

        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is GreenToken token)
            {
                if (token.IsMissing || HasSkipped(token.LeadingTrivia) || HasSkipped(token.TrailingTrivia))
                {
                    return false;
                }

                continue;
            }

            for (int i = 0; i < node.SlotCount; i++)
            {
                if (node.GetSlot(i) is { } child)
                {
                    stack.Push(child);
                }
            }
        }

        return true;
    }

    private static bool HasSkipped(GreenTrivia[] trivia)
    {
        foreach (var piece in trivia)
        {
            if (piece.Kind == SyntaxKind.SkippedTokensTrivia)
            {
                return true;
            }
        }

        return false;
    }
}
