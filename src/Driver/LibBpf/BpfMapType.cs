namespace BtLang.Driver.LibBpf;

/// <summary><c>enum bpf_map_type</c> values.</summary>
public enum BpfMapType
{
    Unspecified = 0,
    Hash = 1,
    Array = 2,
    ProgramArray = 3,
    PerfEventArray = 4,
    PerCpuHash = 5,
    PerCpuArray = 6,
    StackTrace = 7,
    CgroupArray = 8,
    LruHash = 9,
    LruPerCpuHash = 10,
    LpmTrie = 11,
    ArrayOfMaps = 12,
    HashOfMaps = 13,
    PerCpuCgroupStorage = 21,
    Queue = 22,
    Stack = 23,
    RingBuffer = 27,
    BloomFilter = 30,
}
