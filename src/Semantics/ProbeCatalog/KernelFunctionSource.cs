namespace BtLang.Semantics.ProbeCatalog;

/// <summary>Where the list of traceable kernel functions came from.</summary>
public enum KernelFunctionSource
{
    /// <summary>tracefs <c>available_filter_functions</c> (what kprobes can really attach to).</summary>
    AvailableFilterFunctions,

    /// <summary>BTF FUNC records (what fentry can attach to); used when the tracefs file is unreadable.</summary>
    Btf,

    /// <summary>Neither was readable.</summary>
    None,
}
