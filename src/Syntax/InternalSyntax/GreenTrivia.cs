namespace BtLang.Syntax.InternalSyntax;

/// <summary>One piece of trivia: whitespace, a newline, a comment, a shebang or a skipped token.</summary>
internal sealed class GreenTrivia : GreenNode
{
    public GreenTrivia(SyntaxKind kind, string text)
        : base(kind, text.Length)
    {
        Text = text;
    }

    public string Text { get; }

    public override bool IsTrivia => true;
}
