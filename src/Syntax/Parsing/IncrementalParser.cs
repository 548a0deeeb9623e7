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
/// <item>The window (the touched members, widened while a condition below fails) parses on its own without any
/// diagnostic, so the whole new text parses without errors and its members do not depend on each other.</item>
/// <item>The window starts at the start of the text or right after an end of line that ends the member before it, and
/// ends at the end of the text or right after an end of line that its last token owns as trailing trivia: at such
/// points the lexer is at the start of a line in its initial state, and trivia cannot move across them.</item>
/// <item>The old tree's diagnostics all lie in the window (it grows to hold them), and the reused members hold no
/// skipped or missing tokens.</item>
/// </list>
/// </remarks>
internal static class IncrementalParser
{
    /// <summary>How often the window may grow by one member on a side before the caller parses everything.</summary>
    private const int MaxWidenings = 4;

    /// <summary>The green root of <paramref name="newText"/>, or null when only a full parse is certain to be right.</summary>
    public static GreenNode? TryReparse(GreenNode oldRoot, IReadOnlyList<TextSpan> oldDiagnostics, SourceText newText, TextChangeRange change)
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

            if (first > 0 && !EndsWithEndOfLine(list!.GetSlot(first - 1)!))
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
            if (oldStart > 0 && window.StartsWith("#!", StringComparison.Ordinal))
            {
                return null; // a shebang is one only at the start of the text
            }

            var result = LanguageParser.Parse(window);
            if (result.Diagnostics.Count > 0 || result.Root.GetSlot(1) is not GreenToken newEof)
            {
                return null;
            }

            var newMembers = result.Root.GetSlot(0);
            int newCount = newMembers?.SlotCount ?? 0;
            if (first == 0 && newCount == 0)
            {
                return null; // the first reused member would start the text (where `#!` is a shebang)
            }

            if (last < memberCount && (newEof.FullWidth != 0 || (newCount > 0 && !EndsWithEndOfLine(newMembers!.GetSlot(newCount - 1)!))))
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
                members.Add(newMembers!.GetSlot(i)!);
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
            return root.FullWidth == newText.Length ? root : null;
        }

        return null;
    }

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
