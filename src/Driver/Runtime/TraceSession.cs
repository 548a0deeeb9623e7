using System.Diagnostics;
using System.Runtime.InteropServices;
using BtLang.Diagnostics;
using BtLang.Driver.Attach;
using BtLang.Driver.LibBpf;
using BtLang.Driver.Output;
using BtLang.Driver.Symbols;
using BtLang.Emit.Metadata;

namespace BtLang.Driver.Runtime;

/// <summary>
/// Runs one compiled program against the kernel: load, fill the config map, run BEGIN, attach, poll the ring buffer
/// until exit() / a signal / the end of the -c child / the -p process, then detach (in parallel), run END, drain
/// the events and print the maps. Whatever happens, everything attached is detached before <see cref="Run"/> returns.
/// </summary>
internal sealed class TraceSession
{
    private const int PollMilliseconds = 100;

    private readonly TraceRequest _request;
    private readonly TextWriter _errors;
    private int _signals;

    public TraceSession(TraceRequest request)
    {
        _request = request;
        _errors = request.Errors;
    }

    public int Run()
    {
        if (Privileges.Check() is { } privilege)
        {
            return Fail(privilege);
        }

        var metadata = _request.Metadata;
        var attacher = new ProbeAttacher(new AttachOptions { Pid = _request.Pid, MissingProbes = _request.MissingProbes });
        foreach (var probe in metadata.Probes)
        {
            foreach (var point in probe.AttachPoints)
            {
                if (attacher.CheckSupported(probe.Provider, point) is { } unsupported)
                {
                    return Fail(unsupported);
                }
            }
        }

        if (metadata.Probes.Any(p => p.Provider is "tracepoint" or "rawtracepoint"))
        {
            var status = Tracefs.Ensure();
            if (_request.Verbose)
            {
                _errors.WriteLine($"tracefs: {status}");
            }
        }

        if (_request.Pid is { } pid && !Directory.Exists($"/proc/{pid}"))
        {
            _errors.WriteLine($"ERROR: process with pid {pid} does not exist (-p {pid})");
            return 1;
        }

        if (!BpfObject.TryOpen(_request.ObjectFile, "btlang", new BpfObjectOptions { VerifierLogSize = Math.Max(_request.LogSize, 64 * 1024) }, out var obj, out var openError))
        {
            return Fail(openError);
        }

        using (obj)
        {
            if (!obj.TryLoad(out var loadError))
            {
                return Fail(loadError);
            }

            if (_request.Verbose)
            {
                foreach (var program in obj.Programs)
                {
                    _errors.WriteLine($"Program {program.Name} ({program.SectionName}): {program.InstructionCount} instructions");
                }
            }

            return RunLoaded(obj, attacher);
        }
    }

    private int RunLoaded(BpfObject obj, ProbeAttacher attacher)
    {
        var metadata = _request.Metadata;
        ChildProcess? child = null;
        if (_request.ChildCommand is { } command)
        {
            child = ChildProcess.StartPaused(command, out string? childError);
            if (child is null)
            {
                _errors.WriteLine($"ERROR: failed to run command '{command}': {childError}");
                return 1;
            }
        }

        using var childScope = child;
        WriteConfig(obj, child?.Pid ?? 0);

        var symbolizer = new Symbolizer();
        var decoder = new ValueDecoder(new RuntimeSymbolResolver(symbolizer, obj, metadata.ProbeNames),
            metadata.Settings.TryGetValue("str_trunc_trailer", out var trailer) ? trailer : "..");
        var maps = new MapReader(obj, decoder);
        var dispatcher = new EventDispatcher(metadata, _request.Output, decoder, maps, _errors, _request.AllowUnsafe);

        RingBuffer? ring = null;
        if (metadata.EventRingBuffer is { } ringName && obj.FindMap(ringName) is { } ringMap)
        {
            if (!RingBuffer.TryCreate(ringMap, dispatcher.Handle, out ring, out var ringError))
            {
                return Fail(ringError);
            }
        }

        using var ringScope = ring;
        var requests = new List<AttachRequest>();
        var begins = new List<BpfProgram>();
        var ends = new List<BpfProgram>();
        foreach (var probe in metadata.Probes)
        {
            var program = obj.FindProgram(probe.ProgramName) ?? throw new InvalidOperationException($"program {probe.ProgramName} is missing from the object");
            switch (probe.Provider)
            {
                case "BEGIN":
                    begins.Add(program);
                    break;
                case "END":
                    ends.Add(program);
                    break;
                default:
                    requests.AddRange(probe.AttachPoints.Select(point => new AttachRequest(program, probe.Provider, point)));
                    break;
            }
        }

        using var signals = RegisterSignals();
        AttachedProbes? attached = null;
        try
        {
            if (_request.DryRun)
            {
                return 0;
            }

            foreach (var begin in begins)
            {
                begin.TestRun(new byte[8]);
            }

            var result = attacher.AttachMany(requests);
            foreach (var diagnostic in result.Diagnostics)
            {
                _errors.Write(DiagnosticFormatter.Format(diagnostic));
            }

            if (!result.Succeeded)
            {
                return 1;
            }

            attached = result.Probes;
            int count = (attached?.AttachPointCount ?? 0) + begins.Count + ends.Count;
            if (!_request.Quiet)
            {
                _request.Output.AttachedProbes(count);
            }

            if (_request.NotifyAttached)
            {
                Console.Out.WriteLine("__BPFTRACE_NOTIFY_PROBES_ATTACHED");
                Console.Out.Flush();
            }

            child?.Resume();
            bool onlyBeginEnd = requests.Count == 0;
            while (dispatcher.ExitCode is null && Volatile.Read(ref _signals) == 0)
            {
                ring?.Poll(onlyBeginEnd ? 0 : PollMilliseconds);
                _request.Output.Flush();
                if (onlyBeginEnd || child is { HasExited: true } || _request.Pid is { } p && !Directory.Exists($"/proc/{p}"))
                {
                    break;
                }
            }
        }
        finally
        {
            // Stop every program first (fast) so no new events arrive; the slow kernel unregistration of the links
            // happens after the output, below.
            attached?.StopAll();
        }

        try
        {
            foreach (var end in ends)
            {
                end.TestRun(new byte[8]);
            }

            ring?.Consume();
            ReportLostEvents(obj);
            if (!metadata.Settings.TryGetValue("print_maps_on_exit", out var print) || print != "0")
            {
                _request.Output.PrintExitMaps(metadata.Maps.Select(maps.Read));
            }

            _request.Output.Flush();
            return dispatcher.ExitCode ?? 0;
        }
        finally
        {
            attached?.DetachAll();
        }
    }

    private void WriteConfig(BpfObject obj, int childPid)
    {
        if (!_request.Metadata.Settings.TryGetValue("config_map", out var name) || obj.FindMap(name) is not { } config)
        {
            return;
        }

        var value = new byte[RuntimeConfig.Size];
        BitConverter.TryWriteBytes(value.AsSpan(RuntimeConfig.StartBootNsOffset), Clock.BootTimeNanoseconds());
        BitConverter.TryWriteBytes(value.AsSpan(RuntimeConfig.ChildPidOffset), (long)childPid);
        BitConverter.TryWriteBytes(value.AsSpan(RuntimeConfig.CpuCountOffset), (long)BpfMap.PossibleCpuCount);
        BitConverter.TryWriteBytes(value.AsSpan(RuntimeConfig.TargetPidOffset), (long)(_request.Pid ?? 0));
        config.Update(new byte[4], value);
    }

    private void ReportLostEvents(BpfObject obj)
    {
        if (!_request.Metadata.Settings.TryGetValue("lost_map", out var name) || obj.FindMap(name) is not { } lost)
        {
            return;
        }

        var values = lost.Lookup(new byte[4]);
        if (values is null)
        {
            return;
        }

        ulong total = 0;
        for (int cpu = 0; cpu < BpfMap.PossibleCpuCount; cpu++)
        {
            total += BitConverter.ToUInt64(lost.GetCpuValue(values, cpu));
        }

        if (total > 0)
        {
            _request.Output.LostEvents(total);
        }
    }

    private IDisposable RegisterSignals()
    {
        void Handler(PosixSignalContext context)
        {
            context.Cancel = true;
            if (Interlocked.Increment(ref _signals) > 1 && context.Signal == PosixSignal.SIGINT)
            {
                // A second Ctrl-C during a slow exit: stop waiting for the output; links are still closed by the kernel when we exit.
                _errors.WriteLine("Interrupted again: exiting without printing maps.");
                Environment.Exit(130);
            }
        }

        return new CompositeDisposable(
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handler),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handler),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, Handler));
    }

    private int Fail(Diagnostic diagnostic)
    {
        _errors.Write(DiagnosticFormatter.Format(diagnostic));
        return 1;
    }

    private sealed class CompositeDisposable(params IDisposable[] items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items)
            {
                item.Dispose();
            }
        }
    }
}
