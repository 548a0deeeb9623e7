using System.Collections;
using BtLang.Syntax.InternalSyntax;

namespace BtLang.Syntax;

/// <summary>The leading or trailing trivia of a token.</summary>
public readonly struct SyntaxTriviaList : IReadOnlyList<SyntaxTrivia>
{
    private readonly SyntaxToken _token;
    private readonly GreenTrivia[]? _trivia;
    private readonly int _position;

    internal SyntaxTriviaList(SyntaxToken token, GreenTrivia[] trivia, int position)
    {
        _token = token;
        _trivia = trivia;
        _position = position;
    }

    public int Count => _trivia?.Length ?? 0;

    public SyntaxTrivia this[int index]
    {
        get
        {
            if (_trivia is null || index < 0 || index >= _trivia.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            int position = _position;
            for (int i = 0; i < index; i++)
            {
                position += _trivia[i].FullWidth;
            }

            return new SyntaxTrivia(_token, _trivia[index], position);
        }
    }

    public IEnumerator<SyntaxTrivia> GetEnumerator()
    {
        if (_trivia is null)
        {
            yield break;
        }

        int position = _position;
        foreach (var trivia in _trivia)
        {
            yield return new SyntaxTrivia(_token, trivia, position);
            position += trivia.FullWidth;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public string ToFullString() => string.Concat(this.Select(t => t.Text));

    public override string ToString() => ToFullString();
}
