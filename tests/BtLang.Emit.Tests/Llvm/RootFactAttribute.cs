namespace BtLang.Emit.Tests.Llvm;

/// <summary>A fact that touches the kernel: skipped, and says so, when the tests do not run as root.</summary>
internal sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!ToolRunner.IsRoot)
        {
            Skip = "needs root (loads BPF programs into the kernel)";
        }
    }
}
