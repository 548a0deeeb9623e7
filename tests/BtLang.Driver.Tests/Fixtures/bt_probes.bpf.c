// BPF programs the driver tests load: each counts events of ONE process (the test's own workload, whose pid
// the test writes into bt_config[0]) into a slot of bt_counts, so tests can assert exact counts.
#include <stdbool.h>
#include <linux/types.h>
#include <linux/ptrace.h>
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/usdt.bpf.h>

enum {
    SLOT_GETPID = 0,
    SLOT_OPENAT = 1,
    SLOT_UPROBE = 2,
    SLOT_URETPROBE = 3,
    SLOT_USDT = 4,
    SLOT_SOFTWARE = 5,
    SLOT_WATCHPOINT = 6,
    SLOT_RAW_TP = 7,
    SLOT_TIMER = 8,
    SLOT_UPROBE_ARG_SUM = 9,
    SLOT_USDT_ARG_SUM = 10,
    SLOT_ANY_SYSCALL = 11,
};

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, __u32);
} bt_config SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 16);
    __type(key, __u32);
    __type(value, __u64);
} bt_counts SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, __u64);
} bt_percpu SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 1024);
    __type(key, __u32);
    __type(value, __u64);
} bt_by_seq SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_RINGBUF);
    __uint(max_entries, 64 * 1024);
} bt_events SEC(".maps");

struct bt_event {
    __u32 pid;
    __u32 seq;
    __u64 magic;
};

static __always_inline int is_target(void)
{
    __u32 zero = 0;
    __u32 *target = bpf_map_lookup_elem(&bt_config, &zero);
    return target && *target != 0 && (bpf_get_current_pid_tgid() >> 32) == *target;
}

static __always_inline void bump(__u32 slot, __u64 by)
{
    __u64 *count = bpf_map_lookup_elem(&bt_counts, &slot);
    if (count)
        __sync_fetch_and_add(count, by);
}

SEC("tracepoint/syscalls/sys_enter_getpid")
int bt_getpid(void *ctx)
{
    if (!is_target())
        return 0;
    bump(SLOT_GETPID, 1);

    __u32 zero = 0;
    __u64 *percpu = bpf_map_lookup_elem(&bt_percpu, &zero);
    if (percpu)
        *percpu += 1;

    // The sequence number is the getpid count after this event: 1, 2, 3, ...
    __u64 *seq_count = bpf_map_lookup_elem(&bt_counts, &zero);
    __u32 seq = seq_count ? (__u32)*seq_count : 0;
    __u64 one = 1;
    bpf_map_update_elem(&bt_by_seq, &seq, &one, BPF_ANY);

    struct bt_event *event = bpf_ringbuf_reserve(&bt_events, sizeof(*event), 0);
    if (event) {
        event->pid = bpf_get_current_pid_tgid() >> 32;
        event->seq = seq;
        event->magic = 0xB7B7B7B7ULL;
        bpf_ringbuf_submit(event, 0);
    }
    return 0;
}

SEC("tracepoint/syscalls/sys_enter_openat")
int bt_openat(void *ctx)
{
    if (is_target())
        bump(SLOT_OPENAT, 1);
    return 0;
}

// Attached to many syscall tracepoints at once (the attach-many timing test).
SEC("tracepoint")
int bt_any_sys(void *ctx)
{
    if (is_target())
        bump(SLOT_ANY_SYSCALL, 1);
    return 0;
}

SEC("raw_tracepoint/sys_enter")
int bt_raw_sys_enter(struct bpf_raw_tracepoint_args *ctx)
{
    if (is_target() && ctx->args[1] == 39 /* __NR_getpid on x86-64 */)
        bump(SLOT_RAW_TP, 1);
    return 0;
}

SEC("uprobe")
int bt_uprobe(struct pt_regs *ctx)
{
    if (is_target()) {
        bump(SLOT_UPROBE, 1);
        bump(SLOT_UPROBE_ARG_SUM, PT_REGS_PARM1(ctx));
    }
    return 0;
}

SEC("uretprobe")
int bt_uretprobe(struct pt_regs *ctx)
{
    if (is_target())
        bump(SLOT_URETPROBE, 1);
    return 0;
}

SEC("usdt")
int BPF_USDT(bt_usdt, long index, long value)
{
    if (is_target()) {
        bump(SLOT_USDT, 1);
        bump(SLOT_USDT_ARG_SUM, value);
    }
    return 0;
}

SEC("perf_event")
int bt_software(void *ctx)
{
    if (is_target())
        bump(SLOT_SOFTWARE, 1);
    return 0;
}

SEC("perf_event")
int bt_watchpoint(void *ctx)
{
    if (is_target())
        bump(SLOT_WATCHPOINT, 1);
    return 0;
}

SEC("perf_event")
int bt_timer(void *ctx)
{
    bump(SLOT_TIMER, 1);
    return 0;
}

SEC("kprobe/do_nanosleep")
int bt_kprobe(void *ctx)
{
    bump(SLOT_TIMER, 1);
    return 0;
}

// Globals the driver sets before load (.rodata) and reads after a test run (.bss).
const volatile __u64 bt_answer = 0;
__u64 bt_total = 0;

SEC("raw_tp")
int bt_globals(void *ctx)
{
    bt_total += bt_answer;
    return 7;
}

char LICENSE[] SEC("license") = "GPL";
