using BtLang.Driver.Output;

namespace BtLang.Driver.Tests.Output;

/// <summary>A resolver with fixed answers: symbols are <c>ksym_&lt;hex&gt;</c>/<c>usym_&lt;hex&gt;</c>, stacks come from a table.</summary>
internal sealed class FakeSymbolResolver : ISymbolResolver
{
    public Dictionary<long, ulong[]> Stacks { get; } = new();

    public List<string> Calls { get; } = new();

    public string KernelSymbol(ulong address, bool withOffset) => withOffset ? $"ksym_{address:x}+{address & 0xf}" : $"ksym_{address:x}";

    public string UserSymbol(int pid, ulong address, bool withOffset, bool withModule) =>
        $"usym_{address:x}" + (withOffset ? "+1" : string.Empty) + (withModule ? " (/bin/app)" : string.Empty);

    public IReadOnlyList<ulong> KernelStack(string stackMap, long stackId)
    {
        Calls.Add($"kstack {stackMap} {stackId}");
        return Stacks.TryGetValue(stackId, out var frames) ? frames : [];
    }

    public IReadOnlyList<ulong> UserStack(string stackMap, long stackId, int pid)
    {
        Calls.Add($"ustack {stackMap} {stackId} {pid}");
        return Stacks.TryGetValue(stackId, out var frames) ? frames : [];
    }

    public string UserName(ulong uid) => uid == 0 ? "root" : uid.ToString();

    public string CgroupPath(ulong cgroupId) => $"/cg/{cgroupId}";

    public string ProbeName(ulong index) => index == 0 ? "BEGIN" : $"probe{index}";

    public DateTime BootTimeToLocalTime(ulong bootNanoseconds) =>
        new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Local).AddTicks((long)(bootNanoseconds / 100));
}
