namespace BtLang.Runtime.Tests;

/// <summary>A theory that needs root and the real kernel; skipped, saying why, only when not running as root.</summary>
public sealed class KernelTheoryAttribute : TheoryAttribute
{
    public KernelTheoryAttribute()
    {
        if (!KernelFacts.IsRoot)
        {
            Skip = "needs root to load BPF programs (CI runs as root)";
        }
    }
}
