using System.Text;

namespace BtLang.Syntax.InternalSyntax;

/// <summary>
/// A token: kind, text, leading and trailing trivia, the missing flag and, for literals, the parsed value
/// (<see cref="ulong"/> for integers, the unescaped <see cref="string"/> for strings).
/// </summary>
internal sealed class GreenToken : GreenNode
{
    private static readonly GreenTrivia[] NoTrivia = Array.Empty<GreenTrivia>();

    public GreenToken(SyntaxKind kind, string text, GreenTrivia[]? leading, GreenTrivia[]? trailing, object? value, bool isMissing)
        : base(kind, text.Length + Sum(leading) + Sum(trailing))
    {
        Text = text;
        LeadingTrivia = leading ?? NoTrivia;
        TrailingTrivia = trailing ?? NoTrivia;
        Value = value;
        IsMissing = isMissing;
    }

    public string Text { get; }

    public GreenTrivia[] LeadingTrivia { get; }

    public GreenTrivia[] TrailingTrivia { get; }

    public object? Value { get; }

    public bool IsMissing { get; }

    public override bool IsToken => true;

    public static GreenToken Missing(SyntaxKind kind) => new(kind, string.Empty, null, null, null, isMissing: true);

    public override int GetLeadingTriviaWidth() => Sum(LeadingTrivia);

    public override int GetTrailingTriviaWidth() => Sum(TrailingTrivia);

    public GreenToken WithTrivia(GreenTrivia[] leading, GreenTrivia[] trailing) =>
        new(Kind, Text, leading, trailing, Value, IsMissing);

    public void WriteTokenTo(StringBuilder builder)
    {
        foreach (var trivia in LeadingTrivia)
        {
            builder.Append(trivia.Text);
        }

        builder.Append(Text);
        foreach (var trivia in TrailingTrivia)
        {
            builder.Append(trivia.Text);
        }
    }

    public bool IsEquivalentToToken(GreenToken other)
    {
        if (Text != other.Text || IsMissing != other.IsMissing || !Equals(Value, other.Value)
            || LeadingTrivia.Length != other.LeadingTrivia.Length || TrailingTrivia.Length != other.TrailingTrivia.Length)
        {
            return false;
        }

        for (int i = 0; i < LeadingTrivia.Length; i++)
        {
            if (LeadingTrivia[i].Kind != other.LeadingTrivia[i].Kind || LeadingTrivia[i].Text != other.LeadingTrivia[i].Text)
            {
                return false;
            }
        }

        for (int i = 0; i < TrailingTrivia.Length; i++)
        {
            if (TrailingTrivia[i].Kind != other.TrailingTrivia[i].Kind || TrailingTrivia[i].Text != other.TrailingTrivia[i].Text)
            {
                return false;
            }
        }

        return true;
    }

    private static int Sum(GreenTrivia[]? trivia)
    {
        int width = 0;
        if (trivia is not null)
        {
            foreach (var t in trivia)
            {
                width += t.FullWidth;
            }
        }

        return width;
    }
}
