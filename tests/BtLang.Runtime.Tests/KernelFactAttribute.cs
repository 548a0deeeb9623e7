namespace BtLang.Runtime.Tests;

/// <summary>A test that needs root and the real kernel; it is skipped, saying why, only when not running as root.</summary>
public sealed class KernelFactAttribute : FactAttribute
{
    public KernelFactAttribute()
    {
        if (!KernelFacts.IsRoot)
        {
            Skip = "needs root to load BPF programs (CI runs as root)";
        }
    }
}
