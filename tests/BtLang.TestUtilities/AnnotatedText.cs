using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.TestUtilities;

/// <summary>
/// A snippet with expected spans marked as <c>[|...|]</c> (brackets alone are bpftrace syntax, so the markers are
/// Roslyn-style). <c>[||]</c> marks an empty span.
/// </summary>
public sealed class AnnotatedText
{
    private AnnotatedText(string text, ImmutableArray<TextSpan> spans)
    {
        Text = text;
        Spans = spans;
    }

    public string Text { get; }

    public ImmutableArray<TextSpan> Spans { get; }

    public static AnnotatedText Parse(string markup)
    {
        var text = new StringBuilder();
        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        var starts = new Stack<int>();
        for (int i = 0; i < markup.Length; i++)
        {
            if (i + 1 < markup.Length && markup[i] == '[' && markup[i + 1] == '|')
            {
                starts.Push(text.Length);
                i++;
            }
            else if (i + 1 < markup.Length && markup[i] == '|' && markup[i + 1] == ']' && starts.Count > 0)
            {
                int start = starts.Pop();
                spans.Add(TextSpan.FromBounds(start, text.Length));
                i++;
            }
            else
            {
                text.Append(markup[i]);
            }
        }

        if (starts.Count > 0)
        {
            throw new ArgumentException("Unbalanced [| |] markers in: " + markup);
        }

        return new AnnotatedText(text.ToString(), spans.OrderBy(s => s.Start).ToImmutableArray());
    }
}
