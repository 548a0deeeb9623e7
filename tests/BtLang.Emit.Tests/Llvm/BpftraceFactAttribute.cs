namespace BtLang.Emit.Tests.Llvm;

/// <summary>A fact that runs bpftrace side by side: skipped, and says so, without root or without bpftrace on PATH.</summary>
internal sealed class BpftraceFactAttribute : FactAttribute
{
    public BpftraceFactAttribute()
    {
        if (!ToolRunner.IsRoot)
        {
            Skip = "needs root (runs bpftrace)";
        }
        else if (!(Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
                     .Any(directory => File.Exists(Path.Combine(directory, "bpftrace"))))
        {
            Skip = "bpftrace is not installed";
        }
    }
}
