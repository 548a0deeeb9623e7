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
internal sealed partial class TraceSession
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
        var attacher = new ProbeAttacher(new AttachOptions
        {
            Pid = _request.Pid,
            MissingProbes = _request.MissingProbes,
            CppDemangle = _request.CppDemangle,
            SyscallRoutingThreshold = SyscallRouter.ThresholdFrom(Environment.GetEnvironmentVariable(SyscallRouter.EnvironmentVariable)),
        });
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
            // Mounts tracefs when it is not mounted; when that is impossible, one error before anything is loaded.
            var status = Tracefs.Ensure();
            if (_request.Verbose)
            {
                _errors.WriteLine($"tracefs: {status.Describe()}");
            }

            if (!status.IsAvailable && Tracefs.EnsureDiagnostic() is { } unavailable)
            {
                return Fail(unavailable);
            }
        }

        if (!BpfObject.TryOpen(_request.ObjectFile, "btlang", new BpfObjectOptions { VerifierLogSize = Math.Max(_request.LogSize, 64 * 1024) }, out var obj, out var openError))
        {
            return Fail(openError);
        }

        using (obj)
        {
            if (!obj.TryLoad(out var loadError))
            {
                Fail(loadError);
                ExplainRejection(obj);
                return 1;
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
            child = ChildProcess.StartPaused(command, out string? childError, RawCommandLine.NonUtf8OptionValue(command, 'c', "cmd"));
            if (child is null)
            {
                _errors.WriteLine($"ERROR: failed to run command '{command}': {childError}");
                return 1;
            }

            attacher = attacher.ForChild(child.Pid); // watchpoints watch the child's memory
        }

        using var childScope = child;
        WriteConfig(obj, child?.Pid ?? 0);

        var symbolizer = new Symbolizer();
        var decoder = new ValueDecoder(new RuntimeSymbolResolver(symbolizer, obj, metadata.ProbeNames),
            metadata.Settings.TryGetValue("str_trunc_trailer", out var trailer) ? trailer : "..");
        var maps = new MapReader(obj, decoder);
        var dispatcher = new EventDispatcher(metadata, _request.Output, decoder, maps, _errors, _request.AllowUnsafe);

        RingBuffer? ring = null;
        var budget = new PollBudget(dispatcher, () => Volatile.Read(ref _signals) > 0);
        if (metadata.EventRingBuffer is { } ringName && obj.FindMap(ringName) is { } ringMap)
        {
            if (!RingBuffer.TryCreate(ringMap, budget.Handle, out ring, out var ringError))
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
        int? targetExited = null;
        int? exitCodeFromConfig = null;
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
            if (_request.Verbose || _request.ExplainAttach)
            {
                foreach (string note in result.Notes)
                {
                    _errors.WriteLine(note);
                }
            }

            foreach (var diagnostic in result.Diagnostics.Where(d => d.IsError || !_request.NoWarnings))
            {
                _errors.Write(DiagnosticFormatter.Format(diagnostic));
            }

            if (!result.Succeeded)
            {
                return 1;
            }

            attached = result.Probes;
            var watched = attached;
            dispatcher.Unwatch = address => watched?.StopWatchpoints(address);
            if (requests.Count > 0 && (attached?.AttachPointCount ?? 0) == 0 && begins.Count == 0)
            {
                // Every attach point was skipped (missing_probes=warn/ignore): nothing could ever fire.
                _errors.WriteLine("ERROR: no probe could be attached, so there is nothing to trace (see the warnings above; fix the attach points)");
                return 1;
            }

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
            // iter: probes run their iteration now; like BEGIN-only programs, the run then ends (as in bpftrace).
            bool onlyBeginEnd = requests.Count == 0 || Iterators.RunAll(attached, _errors);
            while (dispatcher.ExitCode is null && Volatile.Read(ref _signals) == 0)
            {
                if (ring is not null)
                {
                    budget.Poll(ring, onlyBeginEnd ? 0 : PollMilliseconds);
                }

                _request.Output.Flush();
                if (onlyBeginEnd || child is { HasExited: true })
                {
                    break;
                }

                if (ExitRequestedByProgram(obj) is { } code)
                {
                    // exit() ran but its event was lost (a full ring buffer): the config map still records it.
                    exitCodeFromConfig = code;
                    break;
                }

                if (_request.Pid is { } p && !Directory.Exists($"/proc/{p}"))
                {
                    targetExited = p;
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

            if (ring is not null)
            {
                budget.Drain(ring);
            }

            ReportLostEvents(obj);
            ReportSkippedRuns(obj);
            // Read the maps before the full-map check so that it counts the entries just read rather than walking
            // every key again (100,000 get_next_key calls doubled the CPU of printing a 100,000-key map).
            bool printMaps = !metadata.Settings.TryGetValue("print_maps_on_exit", out var print) || print != "0";
            var snapshots = printMaps ? metadata.Maps.Select(maps.Read).ToList() : null;
            ReportFullMaps(obj, maps);
            if (snapshots is not null)
            {
                _request.Output.PrintExitMaps(snapshots);
            }

            _request.Output.Flush();
            if (targetExited is { } gone && dispatcher.ExitCode is null && exitCodeFromConfig is null)
            {
                // -p: the traced process went away, so no more events can come. END ran and the maps printed above;
                // the run still failed at what it was asked to do (trace that process), so it says so and exits 1.
                _errors.WriteLine($"ERROR: the traced process {gone} (-p {gone}) exited; tracing stopped");
                _errors.Flush();
                return 1;
            }

            return dispatcher.ExitCode ?? exitCodeFromConfig ?? 0;
        }
        finally
        {
            attached?.DetachAll();
        }
    }

    /// <summary>
    /// After a verifier rejection: which script probe it was, the script line the verifier was checking (from the
    /// BTF line info the emitter writes), and with -v the whole verifier log.
    /// </summary>
    private void ExplainRejection(BpfObject obj)
    {
        var rejected = obj.Programs.FirstOrDefault(p => p.Fd < 0 && p.VerifierLog.Length > 0);
        if (rejected is null)
        {
            return;
        }

        var probe = _request.Metadata.Probes.FirstOrDefault(p => p.ProgramName == rejected.Name);
        if (probe is not null)
        {
            string points = probe.AttachPoints.IsDefaultOrEmpty ? probe.Provider : string.Join(", ", probe.AttachPoints.Select(a => a.Text));
            _errors.WriteLine($"probe: {points}");
        }

        if (BtfLineInfo.LastInstruction(rejected.VerifierLog) is { } instruction
            && BtfLineInfo.Find(_request.ObjectFile, rejected.SectionName, instruction) is { } position)
        {
            // The instruction the verifier stopped at, mapped through the object's line info: exact to the column,
            // and there even when the log lost its own line quotes (it keeps only its end).
            string prefix = $"script line {position.Line}, column {position.Column}: ";
            _errors.WriteLine(prefix + position.Text);
            if (position.Column > 0 && position.Column <= position.Text.Length + 1)
            {
                _errors.WriteLine(new string(' ', prefix.Length + position.Column - 1) + "^");
            }
        }
        else if (VerifierLogSummary.LastSourceLine(rejected.VerifierLog) is { } line)
        {
            _errors.WriteLine($"script line {line.Line}: {line.Text}");
        }

        if (_request.Verbose)
        {
            _errors.WriteLine("verifier log:");
            _errors.WriteLine(rejected.VerifierLog.TrimEnd());
        }
        else
        {
            _errors.WriteLine("HINT: run with -v to see the whole verifier log; a smaller loop bound, fewer map operations per probe or splitting the probe usually helps");
        }
    }

    /// <summary>The exit code when a probe ran exit() (recorded in the config map next to the event), else null.</summary>
    private int? ExitRequestedByProgram(BpfObject obj)
    {
        if (!_request.Metadata.Settings.TryGetValue("config_map", out var name) || obj.FindMap(name) is not { } config ||
            config.Lookup(new byte[4]) is not { Length: >= RuntimeConfig.ExitCodeOffset + 8 } value)
        {
            return null;
        }

        return BitConverter.ToInt64(value, RuntimeConfig.ExitingOffset) != 0
            ? (int)BitConverter.ToInt64(value, RuntimeConfig.ExitCodeOffset)
            : null;
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

        // A global counter in objects from this version, a per-CPU array in older ones.
        ulong total = 0;
        if (!lost.IsPerCpu)
        {
            total = BitConverter.ToUInt64(values);
        }
        else
        {
            for (int cpu = 0; cpu < BpfMap.PossibleCpuCount; cpu++)
            {
                total += BitConverter.ToUInt64(lost.GetCpuValue(values, cpu));
            }
        }

        if (total > 0)
        {
            _request.Output.LostEvents(total);
        }
    }

    /// <summary>
    /// Warns about each probe the kernel skipped: a tracing program does not run while another BPF program is running
    /// on the same CPU (one that was preempted, or that fired from inside another), and the kernel only counts those
    /// skips (recursion_misses). Counts in maps are then lower than the events; saying so keeps nothing lost silently.
    /// </summary>
    private void ReportSkippedRuns(BpfObject obj)
    {
        foreach (var program in obj.Programs)
        {
            ulong misses;
            try
            {
                misses = program.Fd >= 0 ? program.GetInfo().RecursionMisses : 0;
            }
            catch (LibBpfException)
            {
                continue;
            }

            if (misses > 0)
            {
                var probe = _request.Metadata.Probes.FirstOrDefault(p => p.ProgramName == program.Name);
                string points = probe is null ? program.Name : string.Join(", ", probe.AttachPoints.Select(a => a.Text));
                _errors.WriteLine($"WARNING: the kernel skipped {points} {misses} times (another BPF program was running on that CPU); those events are missing from the output and the maps");
            }
        }
    }

    /// <summary>
    /// Warns about each hash map that reached its max_entries: the kernel then drops new keys silently, so the
    /// printed map misses some (bpftrace: "WARNING: Map full; can't update element").
    /// </summary>
    private void ReportFullMaps(BpfObject obj, MapReader maps)
    {
        foreach (var map in _request.Metadata.Maps)
        {
            if (map.IsScalar || map.MaxEntries <= 0 || obj.FindMap(map.BpfName) is not { IsArray: false } bpfMap)
            {
                continue;
            }

            int keys = maps.EntriesAtLastRead(map) ?? bpfMap.GetKeys().Count;
            if (keys >= bpfMap.MaxEntries && !_request.NoWarnings)
            {
                _errors.WriteLine($"WARNING: map full: {map.Name} reached its {bpfMap.MaxEntries} entries, so new keys were dropped; raise max_map_keys (config = {{ max_map_keys = N }} or BPFTRACE_MAX_MAP_KEYS)");
            }
        }
    }

    private IDisposable RegisterSignals()
    {
        void Handler(PosixSignalContext context)
        {
            context.Cancel = true;
            int count = Interlocked.Increment(ref _signals);
            if (count > 1 && context.Signal == PosixSignal.SIGINT)
            {
                // Two Ctrl-C arrived before this handler could run for the first.
                ExitNow(130);
            }

            if (count == 1 && context.Signal == PosixSignal.SIGINT)
            {
                // A second Ctrl-C during a slow exit must act at once. It cannot go through this handler: .NET runs
                // it on the thread pool, which the parallel detach may keep busy. So the default action comes back
                // and the second SIGINT ends the process (exit 130); the kernel then releases every program, link
                // and perf event fd of the process, so nothing stays attached.
                RestoreDefaultAction(SigInt);
            }
        }

        // A tracer started in the background by a non-interactive shell inherits SIGINT (and maybe SIGTERM) as
        // ignored, and .NET leaves ignored signals alone; bpftrace installs its handlers regardless, so `kill -INT`
        // ends it. Take both back to the default first so the registrations below catch them. SIGHUP stays as it
        // came: `nohup btlang ...` ignores it on purpose.
        RestoreDefaultAction(SigInt);
        RestoreDefaultAction(SigTerm);
        return new CompositeDisposable(
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handler),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handler),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, Handler));
    }

    private const int SigInt = 2;

    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint SetSignalAction(int signal, nint action);

    [LibraryImport("libc", EntryPoint = "_exit")]
    private static partial void ExitNow(int code);

    private static void RestoreDefaultAction(int signal) => SetSignalAction(signal, 0); // SIG_DFL

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
