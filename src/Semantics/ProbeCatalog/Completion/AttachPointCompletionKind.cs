namespace BtLang.Semantics.ProbeCatalog.Completion;

/// <summary>What a completion item of an attach point names.</summary>
public enum AttachPointCompletionKind
{
    Provider,
    TracepointCategory,
    TracepointEvent,
    RawTracepoint,
    KernelFunction,
    Binary,
    UserFunction,
    UsdtProvider,
    UsdtProbe,
    PerfEvent,
    Unit,
    Iterator,
}
