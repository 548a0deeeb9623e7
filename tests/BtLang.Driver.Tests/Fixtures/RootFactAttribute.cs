namespace BtLang.Driver.Tests.Fixtures;

/// <summary>A test that loads BPF programs into the running kernel: it needs root and is skipped (saying so) without it.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Skip = "needs root: loads BPF programs into the running kernel";
        }
    }
}
