using System.Runtime.InteropServices;

namespace BtLang.Driver.LibBpf;

/// <summary>
/// P/Invoke declarations for Debian's libbpf1 (<c>libbpf.so.1</c>, version 1.1.2). Pointer results are NULL with
/// errno set (<c>SetLastError = true</c>); int results are 0/positive on success and <c>-errno</c> on failure.
/// Only the managed wrappers in this folder call these.
/// </summary>
internal static unsafe partial class LibBpfNative
{
    private const string Library = "libbpf.so.1";

    // ---- bpf_linker (static linking of BPF objects) ----
    [LibraryImport(Library, EntryPoint = "bpf_linker__new", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial nint bpf_linker__new(string filename, nint opts);

    [LibraryImport(Library, EntryPoint = "bpf_linker__add_file", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int bpf_linker__add_file(nint linker, string filename, nint opts);

    [LibraryImport(Library, EntryPoint = "bpf_linker__finalize")]
    internal static partial int bpf_linker__finalize(nint linker);

    [LibraryImport(Library, EntryPoint = "bpf_linker__free")]
    internal static partial void bpf_linker__free(nint linker);

    // ---- bpf_object ----
    [LibraryImport(Library, EntryPoint = "bpf_object__open_mem", SetLastError = true)]
    internal static partial nint bpf_object__open_mem(byte* objBuf, nuint objBufSize, BpfObjectOpenOptions* opts);

    [LibraryImport(Library, EntryPoint = "bpf_object__load")]
    internal static partial int bpf_object__load(nint obj);

    [LibraryImport(Library, EntryPoint = "bpf_object__close")]
    internal static partial void bpf_object__close(nint obj);

    [LibraryImport(Library, EntryPoint = "bpf_object__name")]
    internal static partial nint bpf_object__name(nint obj);

    [LibraryImport(Library, EntryPoint = "bpf_object__next_program")]
    internal static partial nint bpf_object__next_program(nint obj, nint prev);

    [LibraryImport(Library, EntryPoint = "bpf_object__next_map")]
    internal static partial nint bpf_object__next_map(nint obj, nint prev);

    // ---- bpf_program ----
    [LibraryImport(Library, EntryPoint = "bpf_program__name")]
    internal static partial nint bpf_program__name(nint prog);

    [LibraryImport(Library, EntryPoint = "bpf_program__section_name")]
    internal static partial nint bpf_program__section_name(nint prog);

    [LibraryImport(Library, EntryPoint = "bpf_program__fd")]
    internal static partial int bpf_program__fd(nint prog);

    [LibraryImport(Library, EntryPoint = "bpf_program__type")]
    internal static partial int bpf_program__type(nint prog);

    [LibraryImport(Library, EntryPoint = "bpf_program__insn_cnt")]
    internal static partial nuint bpf_program__insn_cnt(nint prog);

    [LibraryImport(Library, EntryPoint = "bpf_program__set_log_buf")]
    internal static partial int bpf_program__set_log_buf(nint prog, byte* logBuf, nuint logSize);

    [LibraryImport(Library, EntryPoint = "bpf_program__set_log_level")]
    internal static partial int bpf_program__set_log_level(nint prog, uint logLevel);

    [LibraryImport(Library, EntryPoint = "bpf_program__set_autoload")]
    internal static partial int bpf_program__set_autoload(nint prog, [MarshalAs(UnmanagedType.U1)] bool autoload);

    [LibraryImport(Library, EntryPoint = "bpf_program__attach", SetLastError = true)]
    internal static partial nint bpf_program__attach(nint prog);

    [LibraryImport(Library, EntryPoint = "bpf_program__attach_tracepoint", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint bpf_program__attach_tracepoint(nint prog, string category, string name);

    [LibraryImport(Library, EntryPoint = "bpf_program__attach_raw_tracepoint", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint bpf_program__attach_raw_tracepoint(nint prog, string name);

    [LibraryImport(Library, EntryPoint = "bpf_program__attach_uprobe_opts", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint bpf_program__attach_uprobe_opts(nint prog, int pid, string binaryPath, nuint funcOffset, BpfUprobeOptions* opts);

    [LibraryImport(Library, EntryPoint = "bpf_program__attach_usdt", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint bpf_program__attach_usdt(nint prog, int pid, string binaryPath, string provider, string name, BpfUsdtOptions* opts);

    [LibraryImport(Library, EntryPoint = "bpf_program__attach_kprobe", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint bpf_program__attach_kprobe(nint prog, [MarshalAs(UnmanagedType.U1)] bool retprobe, string function);

    [LibraryImport(Library, EntryPoint = "bpf_program__attach_trace", SetLastError = true)]
    internal static partial nint bpf_program__attach_trace(nint prog);

    [LibraryImport(Library, EntryPoint = "bpf_program__attach_perf_event", SetLastError = true)]
    internal static partial nint bpf_program__attach_perf_event(nint prog, int perfEventFd);

    // ---- bpf_link ----
    [LibraryImport(Library, EntryPoint = "bpf_link__destroy")]
    internal static partial int bpf_link__destroy(nint link);

    [LibraryImport(Library, EntryPoint = "bpf_link__fd")]
    internal static partial int bpf_link__fd(nint link);

    [LibraryImport(Library, EntryPoint = "bpf_iter_create", SetLastError = true)]
    internal static partial int bpf_iter_create(int linkFd);

    // ---- bpf_map (object view) ----
    [LibraryImport(Library, EntryPoint = "bpf_map__name")]
    internal static partial nint bpf_map__name(nint map);

    [LibraryImport(Library, EntryPoint = "bpf_map__fd")]
    internal static partial int bpf_map__fd(nint map);

    [LibraryImport(Library, EntryPoint = "bpf_map__type")]
    internal static partial int bpf_map__type(nint map);

    [LibraryImport(Library, EntryPoint = "bpf_map__key_size")]
    internal static partial uint bpf_map__key_size(nint map);

    [LibraryImport(Library, EntryPoint = "bpf_map__value_size")]
    internal static partial uint bpf_map__value_size(nint map);

    [LibraryImport(Library, EntryPoint = "bpf_map__max_entries")]
    internal static partial uint bpf_map__max_entries(nint map);

    [LibraryImport(Library, EntryPoint = "bpf_map__set_initial_value")]
    internal static partial int bpf_map__set_initial_value(nint map, void* data, nuint size);

    [LibraryImport(Library, EntryPoint = "bpf_map__initial_value")]
    internal static partial void* bpf_map__initial_value(nint map, nuint* size);

    [LibraryImport(Library, EntryPoint = "bpf_map__set_max_entries")]
    internal static partial int bpf_map__set_max_entries(nint map, uint maxEntries);

    // ---- low-level map syscalls (bpf.h): return -errno ----
    [LibraryImport(Library, EntryPoint = "bpf_map_lookup_elem")]
    internal static partial int bpf_map_lookup_elem(int fd, void* key, void* value);

    [LibraryImport(Library, EntryPoint = "bpf_map_update_elem")]
    internal static partial int bpf_map_update_elem(int fd, void* key, void* value, ulong flags);

    [LibraryImport(Library, EntryPoint = "bpf_map_delete_elem")]
    internal static partial int bpf_map_delete_elem(int fd, void* key);

    [LibraryImport(Library, EntryPoint = "bpf_map_get_next_key")]
    internal static partial int bpf_map_get_next_key(int fd, void* key, void* nextKey);

    [LibraryImport(Library, EntryPoint = "bpf_map_lookup_and_delete_elem")]
    internal static partial int bpf_map_lookup_and_delete_elem(int fd, void* key, void* value);

    [LibraryImport(Library, EntryPoint = "bpf_map_lookup_batch")]
    internal static partial int bpf_map_lookup_batch(int fd, void* inBatch, void* outBatch, void* keys, void* values, uint* count, BpfMapBatchOptions* opts);

    [LibraryImport(Library, EntryPoint = "bpf_obj_get_info_by_fd")]
    internal static partial int bpf_obj_get_info_by_fd(int fd, void* info, uint* infoLength);

    [LibraryImport(Library, EntryPoint = "bpf_prog_test_run_opts")]
    internal static partial int bpf_prog_test_run_opts(int progFd, BpfTestRunOptions* opts);

    // ---- ring buffer ----
    [LibraryImport(Library, EntryPoint = "ring_buffer__new", SetLastError = true)]
    internal static partial nint ring_buffer__new(int mapFd, delegate* unmanaged[Cdecl]<nint, nint, nuint, int> sampleCallback, nint context, void* opts);

    [LibraryImport(Library, EntryPoint = "ring_buffer__add")]
    internal static partial int ring_buffer__add(nint ringBuffer, int mapFd, delegate* unmanaged[Cdecl]<nint, nint, nuint, int> sampleCallback, nint context);

    [LibraryImport(Library, EntryPoint = "ring_buffer__poll")]
    internal static partial int ring_buffer__poll(nint ringBuffer, int timeoutMs);

    [LibraryImport(Library, EntryPoint = "ring_buffer__consume")]
    internal static partial int ring_buffer__consume(nint ringBuffer);

    [LibraryImport(Library, EntryPoint = "ring_buffer__free")]
    internal static partial void ring_buffer__free(nint ringBuffer);

    // ---- library-wide ----
    [LibraryImport(Library, EntryPoint = "libbpf_set_print")]
    internal static partial nint libbpf_set_print(delegate* unmanaged[Cdecl]<int, nint, nint, int> printFunction);

    [LibraryImport(Library, EntryPoint = "libbpf_num_possible_cpus")]
    internal static partial int libbpf_num_possible_cpus();

    [LibraryImport(Library, EntryPoint = "libbpf_strerror")]
    internal static partial int libbpf_strerror(int error, byte* buffer, nuint size);

    [LibraryImport(Library, EntryPoint = "libbpf_major_version")]
    internal static partial uint libbpf_major_version();

    [LibraryImport(Library, EntryPoint = "libbpf_minor_version")]
    internal static partial uint libbpf_minor_version();

    [LibraryImport(Library, EntryPoint = "libbpf_probe_bpf_prog_type")]
    internal static partial int libbpf_probe_bpf_prog_type(int progType, void* opts);

    [LibraryImport(Library, EntryPoint = "libbpf_probe_bpf_map_type")]
    internal static partial int libbpf_probe_bpf_map_type(int mapType, void* opts);

    [LibraryImport(Library, EntryPoint = "bpf_prog_load", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int bpf_prog_load(int progType, string? name, string license, ulong* instructions, nuint instructionCount, void* opts);

    [LibraryImport(Library, EntryPoint = "bpf_prog_load", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int bpf_prog_load_with_options(int progType, string? name, string license, ulong* instructions, nuint instructionCount, BpfProgramLoadOptions* opts);

    [LibraryImport(Library, EntryPoint = "bpf_link_create")]
    internal static partial int bpf_link_create(int progFd, int targetFd, int attachType, void* opts);

    [LibraryImport(Library, EntryPoint = "bpf_map_create", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int bpf_map_create(int mapType, string? name, uint keySize, uint valueSize, uint maxEntries, void* opts);

    [LibraryImport(Library, EntryPoint = "libbpf_probe_bpf_helper")]
    internal static partial int libbpf_probe_bpf_helper(int progType, int helperId, void* opts);
}
