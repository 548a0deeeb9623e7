namespace BtLang.Runtime.Tests.Reliability;

/// <summary>A long kernel test: runs only as root and when BTLANG_SOAK=1 (it takes over a minute).</summary>
public sealed class SoakFactAttribute : FactAttribute
{
    public SoakFactAttribute()
    {
        if (!KernelFacts.IsRoot)
        {
            Skip = "needs root to load BPF programs (CI runs as root)";
        }
        else if (Environment.GetEnvironmentVariable("BTLANG_SOAK") != "1")
        {
            Skip = "soak test: set BTLANG_SOAK=1 to run it (about 70 s)";
        }
    }
}
