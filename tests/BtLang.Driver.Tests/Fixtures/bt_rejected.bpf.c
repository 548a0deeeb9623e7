// A program the verifier must reject: it dereferences a hash map value without a NULL check. (A hash map:
// new kernels know an array lookup with a constant in-range key cannot return NULL.)
#include <linux/types.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, __u64);
} bt_values SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_getpid")
int bt_bad(void *ctx)
{
    __u32 zero = 0;
    __u64 *value = bpf_map_lookup_elem(&bt_values, &zero);
    *value += 1;
    return 0;
}

char LICENSE[] SEC("license") = "GPL";
