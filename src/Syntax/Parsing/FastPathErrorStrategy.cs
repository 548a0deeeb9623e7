using Antlr4.Runtime;
using Antlr4.Runtime.Misc;

namespace BtLang.Syntax.Parsing;

/// <summary>
/// The first, fast parse (SLL prediction): supplies the optional last `;` of a block like
/// <see cref="SyntaxErrorStrategy"/> but gives up at the first real error, so that the slower full parse with
/// recovery and diagnostics runs only for broken input.
/// </summary>
internal sealed class FastPathErrorStrategy : SyntaxErrorStrategy
{
    public FastPathErrorStrategy()
        : base(new List<PendingDiagnostic>())
    {
    }

    public override IToken RecoverInline(Antlr4.Runtime.Parser recognizer) =>
        TryImplicitSemicolon(recognizer) ?? throw new ParseCanceledException(new InputMismatchException(recognizer));

    public override void Recover(Antlr4.Runtime.Parser recognizer, RecognitionException e) =>
        throw new ParseCanceledException(e);

    public override void Sync(Antlr4.Runtime.Parser recognizer)
    {
    }
}
