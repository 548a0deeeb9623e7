using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using BtLang.Driver.LibBpf;

namespace BtLang.Driver.Attach;

/// <summary>
/// Routes many <c>syscalls:sys_enter_*</c>/<c>sys_exit_*</c> tracepoints through the two <c>raw_syscalls</c>
/// tracepoints. Each syscall tracepoint with its own perf event costs ~35-40 ms at exit on this kernel (closing the
/// last perf event of a tracepoint unregisters it and waits in <c>tracepoint_synchronize_unregister()</c> under
/// <c>event_mutex</c>, one after the other), so 360 of them take 13 s to detach. Routed, the user's programs sit in
/// a program array indexed by syscall number and one dispatcher per direction (<see cref="SyscallDispatcher"/>)
/// jumps to them: two perf events in all. The records have the same layout, so the programs run unchanged. The
/// price is that the dispatcher runs on every syscall of the machine, so routing starts at
/// <see cref="DefaultThreshold"/> tracepoints. Falls back to one perf event per tracepoint for anything it cannot
/// route: other architectures, names missing from the <see cref="SyscallTable"/>, a syscall with two programs.
/// </summary>
public static class SyscallRouter
{
    /// <summary>
    /// Routing starts at this many routable syscall tracepoints. Measured here (bench/README.md): each tracepoint with
    /// its own perf event adds ~40 ms to attach plus exit; routed, every syscall of the machine pays the raw_syscalls
    /// perf path and the dispatcher, ~180 ns per routed direction when the syscall is not traced (~20 ns one by one)
    /// and ~70 ns more per direction when it is. At 12 tracepoints routing saves ~0.5 s, about what it costs over a
    /// 10 s trace of a machine making 100,000 syscalls a second; below that the exit is short anyway.
    /// </summary>
    public const int DefaultThreshold = 12;

    /// <summary>The environment variable that overrides the threshold: <c>never</c>, <c>always</c> or a number.</summary>
    public const string EnvironmentVariable = "BTLANG_SYSCALL_ROUTING";

    private const string Category = "syscalls";
    private const string EnterPrefix = "sys_enter_";
    private const string ExitPrefix = "sys_exit_";

    /// <summary>
    /// The threshold <paramref name="setting"/> (the value of <see cref="EnvironmentVariable"/>) asks for: null or
    /// empty or <c>auto</c> = <see cref="DefaultThreshold"/>; <c>never</c>/<c>off</c> = null (never route);
    /// <c>always</c> = 1; a positive number = that number. Anything else is the default.
    /// </summary>
    public static int? ThresholdFrom(string? setting)
    {
        string value = (setting ?? string.Empty).Trim().ToLowerInvariant();
        return value switch
        {
            "" or "auto" => DefaultThreshold,
            "never" or "off" or "0" => null,
            "always" => 1,
            _ => int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n > 0 ? n : DefaultThreshold,
        };
    }

    /// <summary>
    /// Splits <paramref name="requests"/> into routable syscall tracepoints and the rest. Wildcards are expanded from
    /// tracefs (as the usual attach would); explicit syscall tracepoints that tracefs does not list stay with the
    /// rest, so the usual attach reports them.
    /// </summary>
    public static SyscallRoutingPlan Plan(IReadOnlyList<AttachRequest> requests, SyscallTable table)
    {
        var candidates = new List<(int Request, SyscallRoute Route)>();
        var expanded = new Dictionary<int, IReadOnlyList<(string Category, string Event)>>();
        var notRouted = ImmutableArray.CreateBuilder<string>();
        for (int i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            if (request.Provider != "tracepoint" || request.Program.Type != BpfProgramType.Tracepoint
                || request.Point.Target is not { Length: > 0 } category || request.Point.Function is not { Length: > 0 } name)
            {
                continue;
            }

            bool wildcard = request.Point.HasWildcard || ContainsGlob(category) || ContainsGlob(name);
            if (!wildcard && category != Category)
            {
                continue;
            }

            if (wildcard && !Tracefs.GlobToRegex(category).IsMatch(Category))
            {
                continue;
            }

            IReadOnlyList<(string Category, string Event)> matches = wildcard
                ? Tracefs.Expand(category, name)
                : Tracefs.TracepointExists(category, name) ? [(category, name)] : [];
            expanded[i] = matches;
            foreach (var (matchCategory, matchEvent) in matches)
            {
                if (matchCategory == Category && ToRoute(request.Program, matchEvent, table) is { } route)
                {
                    candidates.Add((i, route));
                }
                else if (matchCategory == Category)
                {
                    notRouted.Add($"{matchEvent}: not in the syscall table");
                }
            }
        }

        // A syscall with two programs (two probes, or one probe listing it twice) keeps one perf event per program.
        var shared = candidates.GroupBy(c => (c.Route.IsExit, c.Route.Number)).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var routed = candidates.Where(c => !shared.Contains((c.Route.IsExit, c.Route.Number))).ToList();
        notRouted.AddRange(candidates.Where(c => shared.Contains((c.Route.IsExit, c.Route.Number)))
            .Select(c => c.Route.Event).Distinct().Select(e => $"{e}: more than one program"));

        var routedEvents = routed.GroupBy(c => c.Request).ToDictionary(g => g.Key, g => g.Select(c => c.Route.Event).ToHashSet(StringComparer.Ordinal));
        var remaining = ImmutableArray.CreateBuilder<AttachRequest>();
        for (int i = 0; i < requests.Count; i++)
        {
            if (!routedEvents.TryGetValue(i, out var events))
            {
                remaining.Add(requests[i]);
                continue;
            }

            // What of a (wildcard) request is not routed is attached as explicit tracepoints.
            foreach (var (matchCategory, matchEvent) in expanded[i])
            {
                if (matchCategory != Category || !events.Contains(matchEvent))
                {
                    var point = requests[i].Point with
                    {
                        Target = matchCategory,
                        Function = matchEvent,
                        HasWildcard = false,
                        Text = expanded[i].Count == 1 ? requests[i].Point.Text : $"tracepoint:{matchCategory}:{matchEvent}",
                    };
                    remaining.Add(requests[i] with { Point = point });
                }
            }
        }

        return new SyscallRoutingPlan([.. routed.Select(c => c.Route)], remaining.ToImmutable(), notRouted.ToImmutable());
    }

    /// <summary>
    /// Makes the routing of <paramref name="routes"/> in the kernel: program arrays filled, dispatchers loaded and
    /// attached. On failure nothing stays attached or loaded and <paramref name="error"/> says why.
    /// </summary>
    public static bool TryRoute(IReadOnlyList<SyscallRoute> routes, SyscallTable table,
        [NotNullWhen(true)] out SyscallRouting? routing, [NotNullWhen(false)] out string? error)
    {
        routing = null;
        if (CompatSyscallCheck.ForRunningKernel(out string? btfError) is not { } compat)
        {
            error = $"cannot find thread_info.status for the compat-syscall check: {btfError}";
            return false;
        }

        var owned = new List<IDisposable>();
        var links = new List<BpfLink>();
        foreach (bool isExit in new[] { false, true })
        {
            var direction = routes.Where(r => r.IsExit == isExit).ToList();
            if (direction.Count == 0)
            {
                continue;
            }

            string rawEvent = isExit ? "sys_exit" : "sys_enter";
            error = RouteDirection(direction, rawEvent, table, compat, owned, links);
            if (error is not null)
            {
                ParallelDetacher.DetachAll(links);
                foreach (var item in owned)
                {
                    item.Dispose();
                }

                return false;
            }
        }

        routing = new SyscallRouting([.. routes], [.. links], [.. owned]);
        error = null;
        return true;
    }

    private static string? RouteDirection(List<SyscallRoute> routes, string rawEvent, SyscallTable table, CompatSyscallCheck compat,
        List<IDisposable> owned, List<BpfLink> links)
    {
        if (Tracefs.TracepointId("raw_syscalls", rawEvent) is not { } rawId)
        {
            return $"tracepoint raw_syscalls:{rawEvent} not found";
        }

        string name = $"bt_{rawEvent}";
        if (!BpfProgramArray.TryCreate(name, table.MaxNumber + 1, out var array, out int errno))
        {
            return $"creating the program array {name} failed: {LibBpfErrors.Describe(errno)}";
        }

        owned.Add(array);
        foreach (var route in routes)
        {
            errno = array.Set(route.Number, route.Program);
            if (errno != 0)
            {
                return $"putting {route.Program.Name} ({route.Event}) in slot {route.Number} failed: {LibBpfErrors.Describe(errno)}";
            }
        }

        if (!SyscallDispatcher.TryLoad(name, array, table.MaxNumber, compat, out var dispatcher, out string? loadError))
        {
            return loadError;
        }

        owned.Add(dispatcher);
        var link = dispatcher.TryAttachTracepointEvent(rawId, $"tracepoint:raw_syscalls:{rawEvent}", out errno);
        if (link is null)
        {
            return $"attaching the dispatcher to raw_syscalls:{rawEvent} failed: {LibBpfErrors.Describe(errno)}";
        }

        links.Add(link);
        return null;
    }

    private static SyscallRoute? ToRoute(BpfProgram program, string eventName, SyscallTable table)
    {
        bool isExit = eventName.StartsWith(ExitPrefix, StringComparison.Ordinal);
        if (!isExit && !eventName.StartsWith(EnterPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        string syscall = eventName[(isExit ? ExitPrefix : EnterPrefix).Length..];
        return table.TryGetNumber(syscall, out int number) ? new SyscallRoute(program, isExit, number, eventName) : null;
    }

    private static bool ContainsGlob(string text) => text.IndexOfAny(['*', '?', '[', '{']) >= 0;
}
