using System.Runtime.CompilerServices;

namespace BtLang.Syntax.Parsing;

/// <summary>
/// Lets a parse run on the calling thread, which is much cheaper on a busy machine than handing it to a thread
/// with a large stack: the parser and the tree converter check the stack at each rule, and when it runs low the
/// parse is abandoned with <see cref="Exception"/> and done again on the large stack (see <see cref="LanguageParser"/>).
/// </summary>
internal static class StackGuard
{
    /// <summary>Throws <see cref="Exception"/> when <paramref name="enabled"/> and the stack is running low.</summary>
    public static void Check(bool enabled)
    {
        if (enabled && !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new Exception();
        }
    }

    /// <summary>The parse needs more stack than the calling thread has left.</summary>
    public sealed class Exception : System.Exception
    {
        public Exception()
            : base("the parse needs a larger stack")
        {
        }
    }
}
