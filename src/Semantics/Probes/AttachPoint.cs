using BtLang.Semantics.ProbeCatalog.Providers;
using BtLang.Semantics.Builtins;
using Microsoft.CodeAnalysis.Text;

namespace BtLang.Semantics.Probes;

/// <summary>
/// One attach point of a probe, split into the parts its provider uses (see <see cref="AttachPointParser"/>).
/// Which properties are set depends on the provider: tracepoint: Target = category, Function = event;
/// uprobe/uretprobe/usdt: Target = binary, Function = symbol or probe (usdt: Namespace = provider), Offset/Address;
/// profile/interval: Unit + Value; software/hardware: Function = event, Value = period; watchpoint: Address, Length,
/// Mode; kprobe/kretprobe/fentry/fexit/rawtracepoint: Target = module (optional), Function.
/// </summary>
public sealed record AttachPoint
{
    public required ProbeProviderKind Provider { get; init; }

    /// <summary>The attach point as written, e.g. <c>t:syscalls:sys_enter_read</c>.</summary>
    public required string Text { get; init; }

    public TextSpan Span { get; init; }

    public string? Target { get; init; }

    public string? Namespace { get; init; }

    public string? Function { get; init; }

    public ulong Offset { get; init; }

    public ulong Address { get; init; }

    public string? Unit { get; init; }

    public ulong Value { get; init; }

    public int Length { get; init; }

    public string? Mode { get; init; }

    /// <summary>True when Target or Function contain <c>*</c>, <c>?</c>, <c>[..]</c> or <c>{a,b}</c>.</summary>
    public bool HasWildcard { get; init; }

    /// <summary>The canonical name printed by the <c>probe</c> builtin and by <c>-l</c>: <c>tracepoint:syscalls:sys_enter_read</c>.</summary>
    public string CanonicalName
    {
        get
        {
            string provider = ProviderFacts.CanonicalName(Provider);
            return Provider switch
            {
                ProbeProviderKind.Begin or ProbeProviderKind.End => provider,
                ProbeProviderKind.Tracepoint => $"{provider}:{Target}:{Function}",
                ProbeProviderKind.Uprobe or ProbeProviderKind.Uretprobe => Function is null ? $"{provider}:{Target}:0x{Address:x}" : $"{provider}:{Target}:{Function}" + (Offset != 0 ? $"+{Offset}" : string.Empty),
                ProbeProviderKind.Usdt => Namespace is null ? $"{provider}:{Target}:{Function}" : $"{provider}:{Target}:{Namespace}:{Function}",
                ProbeProviderKind.Profile or ProbeProviderKind.Interval => $"{provider}:{Unit}:{Value}",
                ProbeProviderKind.Software or ProbeProviderKind.Hardware => $"{provider}:{Function}:{Value}",
                ProbeProviderKind.Watchpoint => $"{provider}:0x{Address:x}:{Length}:{Mode}",
                _ => Target is null ? $"{provider}:{Function}" : $"{provider}:{Target}:{Function}",
            };
        }
    }

    public static bool ContainsWildcard(string? text) => text is not null && text.AsSpan().IndexOfAny("*?[{") >= 0;
}
