using System.Collections.Concurrent;
using System.Collections.Immutable;
using BtLang.Driver.LibBpf;
using BtLang.Driver.Output;
using BtLang.Driver.Symbols;

namespace BtLang.Driver.Runtime;

/// <summary>
/// The symbol and name services the output layer needs while a trace runs: kernel and user symbols (through the
/// <see cref="Symbolizer"/>), stack traces read from the object's stack-trace maps, user names, cgroup paths and
/// probe names from the metadata, and boot-clock to wall-clock conversion.
/// </summary>
internal sealed class RuntimeSymbolResolver : ISymbolResolver
{
    private readonly Symbolizer _symbolizer;
    private readonly BpfObject _object;
    private readonly ImmutableArray<string> _probeNames;
    private readonly ConcurrentDictionary<(string Map, long Id), IReadOnlyList<ulong>> _stacks = new();
    private readonly DateTime _bootTime;

    public RuntimeSymbolResolver(Symbolizer symbolizer, BpfObject obj, ImmutableArray<string> probeNames)
    {
        _symbolizer = symbolizer;
        _object = obj;
        _probeNames = probeNames;
        _bootTime = DateTime.Now - TimeSpan.FromTicks(Clock.BootTimeNanoseconds() / 100);
    }

    public string KernelSymbol(ulong address, bool withOffset) => _symbolizer.KernelSymbol(address, withOffset);

    public string UserSymbol(int pid, ulong address, bool withOffset, bool withModule) => _symbolizer.UserSymbol(pid, address, withOffset, withModule);

    public IReadOnlyList<ulong> KernelStack(string stackMap, long stackId) => ReadStack(stackMap, stackId);

    public IReadOnlyList<ulong> UserStack(string stackMap, long stackId, int pid) => ReadStack(stackMap, stackId);

    public string UserName(ulong uid) => _symbolizer.UserName((uint)uid);

    public string CgroupPath(ulong cgroupId) => CgroupPaths.Resolve(cgroupId);

    public string ProbeName(ulong index) => index < (ulong)_probeNames.Length ? _probeNames[(int)index] : $"probe#{index}";

    public DateTime BootTimeToLocalTime(ulong bootNanoseconds) => _bootTime + TimeSpan.FromTicks((long)(bootNanoseconds / 100));

    private IReadOnlyList<ulong> ReadStack(string stackMap, long stackId)
    {
        if (stackId < 0)
        {
            return Array.Empty<ulong>();
        }

        return _stacks.GetOrAdd((stackMap, stackId), key =>
        {
            var map = _object.FindMap(key.Map);
            if (map is null)
            {
                return Array.Empty<ulong>();
            }

            var value = map.Lookup(BitConverter.GetBytes((uint)key.Id));
            if (value is null)
            {
                return Array.Empty<ulong>();
            }

            var frames = new List<ulong>(value.Length / 8);
            for (int offset = 0; offset + 8 <= value.Length; offset += 8)
            {
                ulong address = BitConverter.ToUInt64(value, offset);
                if (address == 0)
                {
                    break;
                }

                frames.Add(address);
            }

            return frames;
        });
    }
}
