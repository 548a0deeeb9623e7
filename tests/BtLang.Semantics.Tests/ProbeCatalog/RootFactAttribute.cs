namespace BtLang.Semantics.Tests.ProbeCatalog;

/// <summary>A fact that needs root and the running kernel's BTF; skipped with the reason otherwise.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!CatalogFixtures.IsRoot)
            Skip = "needs root (reads the live tracefs and may mount it)";
        else if (!File.Exists("/sys/kernel/btf/vmlinux"))
            Skip = "the kernel has no /sys/kernel/btf/vmlinux (CONFIG_DEBUG_INFO_BTF off)";
    }
}
