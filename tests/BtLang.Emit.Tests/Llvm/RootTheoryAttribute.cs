namespace BtLang.Emit.Tests.Llvm;

/// <summary>A theory that touches the kernel: skipped, and says so, when the tests do not run as root.</summary>
internal sealed class RootTheoryAttribute : TheoryAttribute
{
    public RootTheoryAttribute()
    {
        if (!ToolRunner.IsRoot)
        {
            Skip = "needs root (loads BPF programs into the kernel)";
        }
    }
}
