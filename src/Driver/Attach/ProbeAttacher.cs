using System.Collections.Immutable;
using System.Diagnostics;
using BtLang.Diagnostics;
using BtLang.Driver.LibBpf;
using BtLang.Emit.Metadata;
using BtLang.Semantics.ProbeCatalog.Wildcards;

namespace BtLang.Driver.Attach;

/// <summary>
/// Attaches programs to attach points of every provider, and turns each failure into one diagnostic that names
/// the attach point and the cause (a missing kernel feature, a missing tracepoint/symbol/process, ...).
/// Kinds that cannot work on this kernel (kprobe without CONFIG_KPROBES, fentry/fexit/iter without BPF tracing
/// programs, hardware events without a PMU) fail fast with their own message, before libbpf is called.
/// </summary>
public sealed class ProbeAttacher
{
    private readonly AttachOptions _options;

    public ProbeAttacher(AttachOptions? options = null)
    {
        _options = options ?? AttachOptions.Default;
    }

    /// <summary>The same attacher for a run that started the <c>-c</c> child <paramref name="childPid"/>.</summary>
    public ProbeAttacher ForChild(int childPid) => new(_options with { ChildPid = childPid });

    private KernelFeatures Features => _options.Features ?? KernelFeatures.Current;

    /// <summary>
    /// Null when the kernel can attach this kind of probe, else the error attaching it would give. Check before
    /// load and turn autoload off for such programs (<see cref="BpfProgram.SetAutoLoad"/>): fentry/fexit programs
    /// cannot even load on a kernel without BPF tracing programs.
    /// </summary>
    public Diagnostic? CheckSupported(string provider, AttachPointMetadata point)
    {
        switch (provider)
        {
            case "kprobe" or "kretprobe" when !Features.Kprobes:
                return Diagnostic.Create(LibBpfDiagnostics.KprobesUnsupported, Location.None, point.Text)
                    .WithHint("trace a tracepoint instead, e.g. tracepoint:syscalls:sys_enter_read for kprobe:sys_read (btlang -l 'tracepoint:*' lists them)");
            // Iterators are tracing programs too, but they need no ftrace: they load where fentry cannot.
            case "fentry" or "fexit" or "kfunc" or "kretfunc" when !Features.TracingPrograms:
            case "iter" when !Features.Iterators:
                return Diagnostic.Create(LibBpfDiagnostics.TracingProgramsUnsupported, Location.None, provider, point.Text)
                    .WithHint("use a tracepoint or rawtracepoint probe instead");
            case "hardware" when !Features.HardwarePmu:
                return Diagnostic.Create(LibBpfDiagnostics.HardwareEventsUnsupported, Location.None, point.Text)
                    .WithHint("use a software event instead, e.g. software:cpu-clock:1000000 or profile:hz:99");
            default:
                return null;
        }
    }

    /// <summary>Attaches one request. Never throws for kernel or user errors: they come back as <see cref="AttachResult.Error"/>.</summary>
    public AttachResult Attach(AttachRequest request)
    {
        var point = request.Point;
        if (CheckSupported(request.Provider, point) is { } unsupported)
        {
            return AttachResult.Failure(unsupported);
        }

        try
        {
            return request.Provider switch
            {
                "tracepoint" => AttachTracepoint(request),
                "rawtracepoint" => AttachRawTracepoint(request),
                "uprobe" or "uretprobe" => AttachUprobe(request),
                "usdt" => AttachUsdt(request),
                "kprobe" or "kretprobe" => Single(request.Program.TryAttachKprobe(request.Provider == "kretprobe", point.Function ?? "", point.Text, out int kprobeErrno), point, kprobeErrno),
                "fentry" or "fexit" or "kfunc" or "kretfunc" or "iter" => Single(request.Program.TryAttachTrace(point.Text, out int traceErrno), point, traceErrno),
                "software" => AttachSoftwareOrHardware(request, hardware: false),
                "hardware" => AttachSoftwareOrHardware(request, hardware: true),
                "profile" => AttachTimer(request, everyCpu: true),
                "interval" => AttachTimer(request, everyCpu: false),
                "watchpoint" => AttachWatchpoint(request),
                "begin" or "end" or "BEGIN" or "END" or "self" or "test" or "bench" => AttachResult.Failure(
                    Diagnostic.Create(LibBpfDiagnostics.ProviderNotAttachable, Location.None, request.Provider, point.Text)),
                _ => AttachResult.Failure(Diagnostic.Create(LibBpfDiagnostics.InvalidAttachPoint, Location.None, point.Text, $"unknown provider '{request.Provider}'")),
            };
        }
        catch (ObjectDisposedException)
        {
            return AttachResult.Failure(Diagnostic.Create(LibBpfDiagnostics.AttachFailed, Location.None, point.Text, "the BPF object was closed"));
        }
    }

    /// <summary>
    /// Attaches every request in order. On the first failure that the <see cref="MissingProbePolicy"/> does not
    /// skip, detaches everything attached so far (in parallel) and returns the error naming that attach point.
    /// </summary>
    public AttachManyResult AttachMany(IReadOnlyList<AttachRequest> requests, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var links = ImmutableArray.CreateBuilder<BpfLink>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var notes = ImmutableArray.CreateBuilder<string>();
        int attachPoints = 0;
        var routing = RouteSyscalls(ref requests, notes);
        if (routing is not null)
        {
            links.AddRange(routing.Links);
            attachPoints += routing.Routes.Length;
        }

        foreach (var request in requests)
        {
            Diagnostic? failure = null;
            if (cancellationToken.IsCancellationRequested)
            {
                failure = Diagnostic.Create(LibBpfDiagnostics.AttachFailed, Location.None, request.Point.Text, "cancelled");
            }
            else
            {
                var result = Attach(request);
                if (result.Succeeded)
                {
                    links.AddRange(result.Links);
                    attachPoints += result.AttachPointCount;
                    continue;
                }

                if (result.IsMissingProbe && _options.MissingProbes != MissingProbePolicy.Error)
                {
                    if (_options.MissingProbes == MissingProbePolicy.Warn)
                    {
                        // The hint of the error (how to find the right name) helps as much when the probe is only skipped.
                        var skipped = Diagnostic.Create(LibBpfDiagnostics.ProbeSkipped, Location.None, result.Error!.Message);
                        diagnostics.Add(result.Error.Hints.Aggregate(skipped, (d, hint) => d.WithHint(hint)));
                    }

                    continue;
                }

                failure = result.Error!;
            }

            diagnostics.Add(failure);
            var rollback = ParallelDetacher.DetachAll(links.ToImmutable(), _options.DetachParallelism);
            routing?.Dispose();
            diagnostics.AddRange(rollback.Warnings);
            return new AttachManyResult(null, diagnostics.ToImmutable(), stopwatch.Elapsed, rollback, notes.ToImmutable());
        }

        var probes = new AttachedProbes(links.ToImmutable(), attachPoints, _options.DetachParallelism, routing);
        return new AttachManyResult(probes, diagnostics.ToImmutable(), stopwatch.Elapsed, null, notes.ToImmutable());
    }

    /// <summary>
    /// Routes the syscall tracepoints of <paramref name="requests"/> through raw_syscalls when there are enough of
    /// them (<see cref="AttachOptions.SyscallRoutingThreshold"/>) and leaves the rest in <paramref name="requests"/>.
    /// Null when nothing was routed; then <paramref name="requests"/> is unchanged and everything attaches one by one.
    /// </summary>
    private SyscallRouting? RouteSyscalls(ref IReadOnlyList<AttachRequest> requests, ImmutableArray<string>.Builder notes)
    {
        if (_options.SyscallRoutingThreshold is not { } threshold || !requests.Any(r => r.Provider == "tracepoint"))
        {
            return null;
        }

        if (SyscallTable.ForCurrentArchitecture() is not { } table)
        {
            notes.Add($"syscall tracepoints: attached one by one (no syscall table for {System.Runtime.InteropServices.RuntimeInformation.OSArchitecture})");
            return null;
        }

        var plan = SyscallRouter.Plan(requests, table);
        if (plan.Routes.Length == 0)
        {
            return null;
        }

        if (plan.Routes.Length < threshold)
        {
            notes.Add($"syscall tracepoints: {plan.Routes.Length} attached one by one (routing through raw_syscalls starts at {threshold}; {SyscallRouter.EnvironmentVariable}=always routes any)");
            return null;
        }

        if (!SyscallRouter.TryRoute(plan.Routes, table, out var routing, out string? error))
        {
            notes.Add($"syscall tracepoints: attached one by one, routing through raw_syscalls failed: {error}");
            return null;
        }

        notes.Add(routing.Describe());
        if (plan.NotRouted.Length > 0)
        {
            notes.Add($"syscall tracepoints attached one by one: {string.Join(", ", plan.NotRouted)}");
        }

        requests = plan.Remaining;
        return routing;
    }

    private AttachResult AttachTracepoint(AttachRequest request)
    {
        var point = request.Point;
        if (Tracefs.EnsureDiagnostic() is { IsError: true } tracefsError)
        {
            return AttachResult.Failure(tracefsError);
        }

        string category = point.Target ?? "";
        string name = point.Function ?? "";
        if (category.Length == 0 || name.Length == 0)
        {
            return AttachResult.Failure(Invalid(point, "a tracepoint needs a category and an event, e.g. tracepoint:syscalls:sys_enter_openat"));
        }

        IReadOnlyList<(string Category, string Event)> matches = !point.HasWildcard && !ContainsGlob(category) && !ContainsGlob(name)
            ? new[] { (category, name) }
            : Tracefs.Expand(category, name);
        if (matches.Count == 0)
        {
            return AttachResult.Failure(TracepointNotFound(point.Text), isMissingProbe: true);
        }

        var links = ImmutableArray.CreateBuilder<BpfLink>(matches.Count);
        foreach (var (matchCategory, matchEvent) in matches)
        {
            string text = matches.Count == 1 ? point.Text : $"tracepoint:{matchCategory}:{matchEvent}";
            var link = AttachOneTracepoint(request.Program, matchCategory, matchEvent, text, out var error);
            if (link is null)
            {
                ParallelDetacher.DetachAll(links.ToImmutable(), _options.DetachParallelism);
                return AttachResult.Failure(error!, isMissingProbe: error!.Descriptor == LibBpfDiagnostics.TracepointNotFound);
            }

            links.Add(link);
        }

        return AttachResult.Success(links.MoveToImmutable(), matches.Count);
    }

    private static BpfLink? AttachOneTracepoint(BpfProgram program, string category, string eventName, string text, out Diagnostic? error)
    {
        // Our own perf event (rather than bpf_program__attach_tracepoint) so that the link can be stopped at once
        // and the slow unregistration paid later (see BpfLink.Stop).
        if (Tracefs.TracepointId(category, eventName) is not { } id)
        {
            error = TracepointNotFound(text);
            return null;
        }

        var link = program.TryAttachTracepointEvent(id, text, out int errno);
        error = link is null
            ? (errno == LibBpfErrors.ENOENT ? TracepointNotFound(text) : Diagnostic.Create(LibBpfDiagnostics.AttachFailed, Location.None, text, Cause(errno)))
            : null;
        return link;
    }

    private static AttachResult AttachRawTracepoint(AttachRequest request)
    {
        var point = request.Point;
        string name = point.Function ?? point.Target ?? "";
        var link = request.Program.TryAttachRawTracepoint(name, point.Text, out int errno);
        if (link is not null)
        {
            return AttachResult.Success(ImmutableArray.Create(link), 1);
        }

        return errno == LibBpfErrors.ENOENT
            ? AttachResult.Failure(Diagnostic.Create(LibBpfDiagnostics.RawTracepointNotFound, Location.None, point.Text)
                .WithHint("btlang -l 'rawtracepoint:*' lists them"), isMissingProbe: true)
            : AttachResult.Failure(Failed(point, errno));
    }

    private AttachResult AttachUprobe(AttachRequest request)
    {
        var point = request.Point;
        if (ResolveTarget(point) is not { } path)
        {
            return AttachResult.Failure(TargetNotFound(point), isMissingProbe: true);
        }

        if (CheckPid(point) is { } pidError)
        {
            return AttachResult.Failure(pidError);
        }

        string? function = string.IsNullOrEmpty(point.Function) ? null : point.Function;
        if (function is not null && WildcardPattern.HasWildcards(function))
        {
            return AttachUprobeMatching(request, path, function);
        }

        ulong address;
        if (function is not null)
        {
            if (UprobeTargets.FindFunction(path, function, _options.CppDemangle) is not { } functionAddress)
            {
                return AttachResult.Failure(SymbolNotFound(point, function, path), isMissingProbe: true);
            }

            address = functionAddress + point.Offset;
        }
        else if (point.Address != 0)
        {
            address = point.Address + point.Offset;
        }
        else
        {
            return AttachResult.Failure(Invalid(point, "a uprobe needs a function name or an address"));
        }

        if (UprobeTargets.VirtualAddressToFileOffset(path, address) is not { } fileOffset)
        {
            return AttachResult.Failure(Invalid(point, $"address 0x{address:x} is not in a loadable segment of {path}"));
        }

        bool retprobe = request.Provider == "uretprobe";
        int pid = _options.Pid ?? -1;
        BpfLink? link;
        int errno;
        if (UprobeTargets.UprobePmu() is { } pmu)
        {
            // Our own perf event on the uprobe PMU (as libbpf would open it), so the link can be stopped at once.
            var attributes = new PerfEventAttributes
            {
                Type = pmu.Type,
                Config = retprobe ? 1UL << pmu.RetprobeBit : 0,
                ProbePath = path,
                ProbeOffset = fileOffset,
            };
            link = request.Program.TryAttachPerfEvent(attributes, pid, pid == -1 ? 0 : -1, point.Text, out errno, out _);
        }
        else
        {
            link = request.Program.TryAttachUprobe(retprobe, pid, path, null, fileOffset, point.Text, out errno);
        }

        if (link is not null)
        {
            return AttachResult.Success(ImmutableArray.Create(link), 1);
        }

        return errno == LibBpfErrors.ESRCH && pid != -1
            ? AttachResult.Failure(ProcessNotFound(point, pid))
            : AttachResult.Failure(Failed(point, errno));
    }

    /// <summary>uprobe:path:pattern: one uprobe on every function symbol of the binary that matches (like bpftrace).</summary>
    private AttachResult AttachUprobeMatching(AttachRequest request, string path, string pattern)
    {
        var point = request.Point;
        var names = UprobeTargets.MatchFunctions(path, pattern, _options.CppDemangle); // C++ symbols also by their demangled names unless cpp_demangle=0
        if (names.Count == 0)
        {
            return AttachResult.Failure(SymbolNotFound(point, pattern, path), isMissingProbe: true);
        }

        var links = ImmutableArray.CreateBuilder<BpfLink>();
        foreach (var name in names)
        {
            var single = request with { Point = point with { Function = name, HasWildcard = false, Target = path } };
            var result = AttachUprobe(single);
            if (!result.Succeeded)
            {
                foreach (var attached in links)
                {
                    attached.Dispose();
                }

                return result;
            }

            links.AddRange(result.Links);
        }

        return AttachResult.Success(links.ToImmutable(), names.Count);
    }

    private static Diagnostic TargetNotFound(AttachPointMetadata point) =>
        Diagnostic.Create(LibBpfDiagnostics.UprobeTargetNotFound, Location.None, point.Text, point.Target ?? "")
            .WithHint("check the path: give the binary's full path, or a name found on PATH or in ld.so.cache; `btlang -l 'uprobe:PATH:*'` lists a binary's symbols");

    private static Diagnostic SymbolNotFound(AttachPointMetadata point, string function, string path) =>
        Diagnostic.Create(LibBpfDiagnostics.UprobeSymbolNotFound, Location.None, point.Text, function, path)
            .WithHint($"btlang -l 'uprobe:{path}:*' lists its symbols");

    private AttachResult AttachUsdt(AttachRequest request)
    {
        var point = request.Point;
        if (ResolveTarget(point) is not { } path)
        {
            return AttachResult.Failure(TargetNotFound(point), isMissingProbe: true);
        }

        if (CheckPid(point) is { } pidError)
        {
            return AttachResult.Failure(pidError);
        }

        string name = point.Function ?? "";
        if (string.IsNullOrEmpty(point.Namespace) || point.HasWildcard)
        {
            return AttachUsdtMatching(request, path, point.Namespace, name);
        }

        string provider = point.Namespace;
        var link = request.Program.TryAttachUsdt(_options.Pid ?? -1, path, provider, name, point.Text, out int errno);
        if (link is not null)
        {
            return AttachResult.Success(ImmutableArray.Create(link), 1);
        }

        return errno == LibBpfErrors.ENOENT
            ? AttachResult.Failure(Diagnostic.Create(LibBpfDiagnostics.UsdtProbeNotFound, Location.None, point.Text, provider, name, path)
                .WithHint($"btlang -l 'usdt:{path}:*' lists its probes"), isMissingProbe: true)
            : AttachResult.Failure(Failed(point, errno));
    }

    /// <summary>
    /// usdt:path:name (no provider, like bpftrace) and wildcards in provider or name: every probe of the binary that
    /// matches. libbpf needs the exact provider and name, so they are looked up in the binary's stapsdt notes.
    /// </summary>
    private AttachResult AttachUsdtMatching(AttachRequest request, string path, string? providerPattern, string namePattern)
    {
        var point = request.Point;
        var provider = WildcardPattern.Parse(string.IsNullOrEmpty(providerPattern) ? "*" : providerPattern);
        var name = WildcardPattern.Parse(namePattern);
        var probes = BtLang.Semantics.ProbeCatalog.Elf.ElfBinary.TryLoad(path, out var binary, out _)
            ? binary.UsdtProbes.Where(p => provider.IsMatch(p.Provider) && name.IsMatch(p.Name)).Select(p => (p.Provider, p.Name)).Distinct().ToList()
            : [];
        if (probes.Count == 0)
        {
            return AttachResult.Failure(Diagnostic.Create(LibBpfDiagnostics.UsdtProbeNotFound, Location.None, point.Text, providerPattern ?? "", namePattern, path)
                .WithHint($"btlang -l 'usdt:{path}:*' lists its probes"), isMissingProbe: true);
        }

        var links = ImmutableArray.CreateBuilder<BpfLink>();
        foreach (var probe in probes)
        {
            var link = request.Program.TryAttachUsdt(_options.Pid ?? -1, path, probe.Provider, probe.Name, point.Text, out int errno);
            if (link is null)
            {
                foreach (var attached in links)
                {
                    attached.Dispose();
                }

                return AttachResult.Failure(Failed(point, errno));
            }

            links.Add(link);
        }

        return AttachResult.Success(links.ToImmutable(), probes.Count);
    }

    private AttachResult AttachSoftwareOrHardware(AttachRequest request, bool hardware)
    {
        var point = request.Point;
        string eventName = point.Function ?? point.Target ?? "";
        var info = hardware ? PerfEventCatalog.FindHardware(eventName) : PerfEventCatalog.FindSoftware(eventName);
        if (info is null)
        {
            var names = string.Join(", ", (hardware ? PerfEventCatalog.Hardware : PerfEventCatalog.Software).Select(e => e.Name));
            return AttachResult.Failure(Diagnostic.Create(LibBpfDiagnostics.UnknownPerfEvent, Location.None, hardware ? "hardware" : "software", eventName, point.Text)
                .WithHint("known events: " + names));
        }

        var attributes = new PerfEventAttributes
        {
            Type = hardware ? PerfEventAttributes.TypeHardware : PerfEventAttributes.TypeSoftware,
            Config = info.Config,
            SamplePeriod = point.Value != 0 ? point.Value : info.DefaultPeriod,
        };
        return AttachPerfEventOnCpus(request, attributes, OnlineCpus.Current, pid: -1, hardware);
    }

    private AttachResult AttachTimer(AttachRequest request, bool everyCpu)
    {
        var point = request.Point;
        ulong value = point.Value;
        if (value == 0)
        {
            return AttachResult.Failure(Invalid(point, "the rate must be a positive number"));
        }

        PerfEventAttributes attributes;
        switch (point.Unit)
        {
            case "hz" when everyCpu:
                attributes = new PerfEventAttributes { Type = PerfEventAttributes.TypeSoftware, Config = 0, UseFrequency = true, SampleFrequency = value };
                break;
            case "hz":
                attributes = new PerfEventAttributes { Type = PerfEventAttributes.TypeSoftware, Config = 0, SamplePeriod = Math.Max(1, 1_000_000_000UL / value) };
                break;
            case "s" or "ms" or "us" or "ns":
                ulong multiplier = point.Unit switch { "s" => 1_000_000_000UL, "ms" => 1_000_000UL, "us" => 1_000UL, _ => 1UL };
                attributes = new PerfEventAttributes { Type = PerfEventAttributes.TypeSoftware, Config = 0, SamplePeriod = value * multiplier };
                break;
            default:
                return AttachResult.Failure(Invalid(point, $"unknown unit '{point.Unit}' (use hz, s, ms, us or ns)"));
        }

        var cpus = everyCpu ? OnlineCpus.Current : OnlineCpus.Current.Take(1).ToList();
        var result = AttachPerfEventOnCpus(request, attributes, cpus, pid: -1, hardware: false);
        return result.Succeeded ? AttachResult.Success(result.Links, 1) : result;
    }

    private AttachResult AttachWatchpoint(AttachRequest request)
    {
        var point = request.Point;
        if ((_options.Pid ?? _options.ChildPid) is not { } pid)
        {
            return AttachResult.Failure(Diagnostic.Create(LibBpfDiagnostics.WatchpointNeedsProcess, Location.None, point.Text)
                .WithHint("name the process with -p PID or start it with -c CMD"));
        }

        if (!Directory.Exists($"/proc/{pid}"))
        {
            return AttachResult.Failure(ProcessNotFound(point, pid));
        }

        string mode = point.Mode ?? "";
        uint type = 0;
        foreach (char c in mode)
        {
            type |= c switch { 'r' => 1u, 'w' => 2u, 'x' => 4u, _ => 0x80u };
        }

        if (type == 0 || (type & 0x80) != 0 || ((type & 4) != 0 && type != 4))
        {
            return AttachResult.Failure(Invalid(point, $"mode '{mode}' must be r, w, rw or x"));
        }

        if (point.Length is not (1 or 2 or 4 or 8))
        {
            return AttachResult.Failure(Invalid(point, $"length {point.Length} must be 1, 2, 4 or 8"));
        }

        var attributes = new PerfEventAttributes
        {
            Type = PerfEventAttributes.TypeBreakpoint,
            SamplePeriod = 1,
            PreciseIp = 2,
            BreakpointType = type,
            BreakpointAddress = point.Address,
            BreakpointLength = (ulong)point.Length,
        };
        var link = request.Program.TryAttachPerfEvent(attributes, pid, -1, point.Text, out int errno, out bool openFailed);
        if (link is not null)
        {
            return AttachResult.Success(ImmutableArray.Create(link), 1);
        }

        return errno switch
        {
            LibBpfErrors.ENOSPC => AttachResult.Failure(Diagnostic.Create(LibBpfDiagnostics.BreakpointSlotsExhausted, Location.None, point.Text)),
            LibBpfErrors.ESRCH => AttachResult.Failure(ProcessNotFound(point, pid)),
            LibBpfErrors.EINVAL when openFailed => AttachResult.Failure(Invalid(point, $"the kernel refused a {point.Length}-byte '{mode}' watchpoint at 0x{point.Address:x} (the address must be aligned to the length)")),
            _ => AttachResult.Failure(Failed(point, errno)),
        };
    }

    private AttachResult AttachPerfEventOnCpus(AttachRequest request, PerfEventAttributes attributes, IReadOnlyList<int> cpus, int pid, bool hardware)
    {
        var point = request.Point;
        var links = ImmutableArray.CreateBuilder<BpfLink>(cpus.Count);
        foreach (int cpu in cpus)
        {
            var link = request.Program.TryAttachPerfEvent(attributes, pid, cpu, point.Text, out int errno, out bool openFailed);
            if (link is null)
            {
                ParallelDetacher.DetachAll(links.ToImmutable(), _options.DetachParallelism);
                if (hardware && openFailed && errno is LibBpfErrors.ENOENT or LibBpfErrors.ENODEV or LibBpfErrors.EOPNOTSUPP)
                {
                    return AttachResult.Failure(Diagnostic.Create(LibBpfDiagnostics.HardwareEventsUnsupported, Location.None, point.Text));
                }

                return AttachResult.Failure(openFailed
                    ? Diagnostic.Create(LibBpfDiagnostics.PerfEventFailed, Location.None, point.Text, cpu, Cause(errno))
                    : Failed(point, errno));
            }

            links.Add(link);
        }

        return AttachResult.Success(links.MoveToImmutable(), 1);
    }

    private static string? ResolveTarget(AttachPointMetadata point) =>
        string.IsNullOrEmpty(point.Target) ? null : UprobeTargets.Resolve(point.Target);

    private Diagnostic? CheckPid(AttachPointMetadata point)
    {
        if (_options.Pid is { } pid && !Directory.Exists($"/proc/{pid}"))
        {
            return ProcessNotFound(point, pid);
        }

        return null;
    }

    private static AttachResult Single(BpfLink? link, AttachPointMetadata point, int errno) =>
        link is not null ? AttachResult.Success(ImmutableArray.Create(link), 1) : AttachResult.Failure(Failed(point, errno));

    private static bool ContainsGlob(string text) => text.IndexOfAny(['*', '?', '[', '{']) >= 0;

    private static Diagnostic TracepointNotFound(string text) =>
        Diagnostic.Create(LibBpfDiagnostics.TracepointNotFound, Location.None, text)
            .WithHint("btlang -l 'tracepoint:*' lists the tracepoints of this kernel");

    private static Diagnostic ProcessNotFound(AttachPointMetadata point, int pid) =>
        Diagnostic.Create(LibBpfDiagnostics.ProcessNotFound, Location.None, point.Text, pid);

    private static Diagnostic Invalid(AttachPointMetadata point, string why) =>
        Diagnostic.Create(LibBpfDiagnostics.InvalidAttachPoint, Location.None, point.Text, why);

    private static Diagnostic Failed(AttachPointMetadata point, int errno) =>
        Diagnostic.Create(LibBpfDiagnostics.AttachFailed, Location.None, point.Text, Cause(errno));

    private static string Cause(int errno) => errno switch
    {
        LibBpfErrors.EPERM or LibBpfErrors.EACCES => $"{LibBpfErrors.Describe(errno)} (are you root?)",
        LibBpfErrors.EEXIST => "the program is already attached there (duplicate attach point)",
        LibBpfErrors.EBADF => $"{LibBpfErrors.Describe(errno)} (the program was not loaded)",
        LibBpfErrors.EINVAL => $"{LibBpfErrors.Describe(errno)} (the program type does not fit this probe?)",
        _ => LibBpfErrors.Describe(errno),
    };
}
