namespace BtLang.Semantics.ProbeCatalog.Providers;

/// <summary>The probe providers (attach point types) BtLang knows.</summary>
public enum ProbeProviderKind
{
    Kprobe,
    Kretprobe,
    Uprobe,
    Uretprobe,
    Tracepoint,
    RawTracepoint,
    Usdt,
    Profile,
    Interval,
    Software,
    Hardware,
    Watchpoint,
    Fentry,
    Fexit,
    Iter,
    Begin,
    End,
    Self,
    Test,
    Bench,
}
