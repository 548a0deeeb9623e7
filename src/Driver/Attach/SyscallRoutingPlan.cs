using System.Collections.Immutable;

namespace BtLang.Driver.Attach;

/// <summary>
/// What <see cref="SyscallRouter.Plan"/> found: the syscall tracepoints that can go through the raw_syscalls
/// dispatcher, and the attach requests left for the usual one-perf-event-per-tracepoint attach (everything else,
/// wildcards cut down to their matches that are not routed).
/// </summary>
/// <param name="Routes">The routable syscall tracepoints (each tracepoint once).</param>
/// <param name="Remaining">The requests to attach one by one if the routes are routed.</param>
/// <param name="NotRouted">Syscall tracepoints that must be attached one by one, with why (for <c>-v</c>).</param>
public sealed record SyscallRoutingPlan(
    ImmutableArray<SyscallRoute> Routes,
    ImmutableArray<AttachRequest> Remaining,
    ImmutableArray<string> NotRouted);
