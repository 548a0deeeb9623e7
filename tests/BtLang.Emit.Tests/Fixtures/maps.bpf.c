// The BTF oracle for BtfMaps: the maps of Llvm/SampleObject.cs written with libbpf's macros.
// Regenerate maps.expected.txt (only when this file changes) with:
//   clang-14 -g -O2 -target bpf -I/usr/include/x86_64-linux-gnu -c maps.bpf.c -o /tmp/maps.bpf.o
//   bpftool btf dump file /tmp/maps.bpf.o > /tmp/maps.btf.txt
//   then render that dump with Llvm/BtfDump.cs (DescribeMaps lines, then DescribeFunction("btlt_getpid"))
//   into maps.expected.txt. BtLang's object must render to exactly the same text.
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 1);
    __type(key, unsigned int);
    __type(value, unsigned long);
} counts SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 1024);
    __type(key, unsigned long);
    __type(value, unsigned long);
} by_pid SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_RINGBUF);
    __uint(max_entries, 4096 * 16);
} events SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_STACK_TRACE);
    __uint(max_entries, 4096);
    __uint(key_size, 4);
    __uint(value_size, 127 * 8);
} stacks SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_LRU_PERCPU_HASH);
    __uint(max_entries, 128);
    __uint(key_size, 16);
    __uint(value_size, 8);
} lru SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_getpid")
int btlt_getpid(void *ctx)
{
    unsigned int key = 0;
    unsigned long *slot = bpf_map_lookup_elem(&counts, &key);
    if (slot)
        *slot += 1;
    return 0;
}

char _license[] SEC("license") = "GPL";
