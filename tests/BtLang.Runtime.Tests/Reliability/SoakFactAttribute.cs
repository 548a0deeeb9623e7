namespace BtLang.Runtime.Tests.Reliability;

/// <summary>
/// A long kernel test (about 70 s): runs as root, as every kernel test does, so it is part of the normal CI run.
/// BTLANG_SOAK=0 skips it for a quick local run.
/// </summary>
public sealed class SoakFactAttribute : FactAttribute
{
    public SoakFactAttribute()
    {
        if (!KernelFacts.IsRoot)
        {
            Skip = "needs root to load BPF programs (CI runs as root)";
        }
        else if (Environment.GetEnvironmentVariable("BTLANG_SOAK") == "0")
        {
            Skip = "soak test skipped: BTLANG_SOAK=0";
        }
    }
}
