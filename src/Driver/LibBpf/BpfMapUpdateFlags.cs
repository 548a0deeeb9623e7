namespace BtLang.Driver.LibBpf;

/// <summary>Flags of <c>bpf_map_update_elem</c>.</summary>
public enum BpfMapUpdateFlags : ulong
{
    /// <summary>BPF_ANY: create or update.</summary>
    Any = 0,

    /// <summary>BPF_NOEXIST: create only.</summary>
    NoExist = 1,

    /// <summary>BPF_EXIST: update only.</summary>
    Exist = 2,
}
