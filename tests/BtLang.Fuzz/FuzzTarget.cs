using BtLang.Emit;
using BtLang.Semantics;
using BtLang.Syntax;

namespace BtLang.Fuzz;

/// <summary>
/// The code under fuzz: parse, check the tree round-trips to the input, bind, and (when there are no errors) emit
/// to LLVM IR and a BPF object. Any exception, or a tree that does not give back its text, is a failure.
/// </summary>
public static class FuzzTarget
{
    /// <summary>Runs one input; returns null when it passed, else what went wrong.</summary>
    public static string? Run(string text)
    {
        try
        {
            var tree = SyntaxTree.ParseText(text, "fuzz.bt");
            string back = tree.GetRoot().ToFullString();
            if (back != text)
            {
                return "round-trip: the tree's text differs from the input";
            }

            var compilation = Compilation.Create(tree, new CompilationOptions { AllowUnsafe = true });
            bool hasErrors = compilation.GetDiagnostics().Any(d => d.IsError);
            if (!hasErrors)
            {
                var result = BpfEmitter.Emit(compilation, new EmitOptions { KeepIr = true });
                _ = result.Diagnostics;
            }

            return null;
        }
        catch (Exception e)
        {
            return e.GetType().Name + ": " + e.Message + "\n" + e.StackTrace;
        }
    }
}
