using System.Collections.Frozen;
using System.Collections.Immutable;

namespace BtLang.Semantics.Builtins;

/// <summary>Every builtin variable and function BtLang knows, with documentation (for hover and completion).</summary>
public static class BuiltinCatalog
{
    private const int Many = int.MaxValue;

    public static ImmutableArray<BuiltinInfo> Variables { get; } = ImmutableArray.Create(
        new BuiltinInfo("pid", false, "pid: uint32", "Process id (kernel tgid) of the current task."),
        new BuiltinInfo("tid", false, "tid: uint32", "Thread id (kernel pid) of the current task."),
        new BuiltinInfo("uid", false, "uid: uint64", "User id of the current task."),
        new BuiltinInfo("gid", false, "gid: uint64", "Group id of the current task."),
        new BuiltinInfo("nsecs", false, "nsecs: uint64", "Nanosecond timestamp (boot clock)."),
        new BuiltinInfo("elapsed", false, "elapsed: uint64", "Nanoseconds since the tracer started."),
        new BuiltinInfo("cpu", false, "cpu: uint32", "Processor id the probe fired on."),
        new BuiltinInfo("ncpus", false, "ncpus: uint64", "Number of CPUs."),
        new BuiltinInfo("numaid", false, "numaid: uint32", "NUMA node id."),
        new BuiltinInfo("comm", false, "comm: string[16]", "Name of the current task."),
        new BuiltinInfo("kstack", false, "kstack: kstack", "Kernel stack trace."),
        new BuiltinInfo("stack", false, "stack: kstack", "Old name of kstack.", AliasOf: "kstack"),
        new BuiltinInfo("ustack", false, "ustack: ustack", "User stack trace."),
        new BuiltinInfo("retval", false, "retval: int64", "Return value of the traced function (kretprobe, uretprobe, fexit)."),
        new BuiltinInfo("func", false, "func: ksym_t | usym_t", "Name of the traced function."),
        new BuiltinInfo("probe", false, "probe: probe", "Full name of the probe that fired, e.g. tracepoint:syscalls:sys_enter_read."),
        new BuiltinInfo("probetype", false, "probetype: string", "Provider of the probe that fired."),
        new BuiltinInfo("args", false, "args: struct", "Arguments of the traced event (tracepoint fields, rawtracepoint/fentry arguments)."),
        new BuiltinInfo("curtask", false, "curtask: struct task_struct *", "The current task_struct."),
        new BuiltinInfo("rand", false, "rand: uint32", "A pseudo-random number."),
        new BuiltinInfo("cgroup", false, "cgroup: uint64", "Cgroup v2 id of the current task."),
        new BuiltinInfo("cpid", false, "cpid: uint32", "Pid of the child started with -c."),
        new BuiltinInfo("has_cpid", false, "has_cpid: bool", "Whether a child was started with -c."),
        new BuiltinInfo("username", false, "username: username", "Name of the current user."),
        new BuiltinInfo("jiffies", false, "jiffies: uint64", "Kernel jiffies."),
        new BuiltinInfo("usermode", false, "usermode: bool", "Whether the probe fired in user mode."),
        new BuiltinInfo("ppid", false, "ppid: uint32", "Parent process id."),
        new BuiltinInfo("pcomm", false, "pcomm: string[16]", "Name of the parent task."),
        new BuiltinInfo("ctx", false, "ctx: void *", "The raw probe context."),
        new BuiltinInfo("sarg0", false, "sargN: int64", "Stack argument N (removed in bpftrace 0.25)."));

    public static ImmutableArray<BuiltinInfo> Functions { get; } = ImmutableArray.Create(
        new BuiltinInfo("printf", true, "printf(string fmt, ...)", "Formatted output, C printf style, formatted in user space.", 1, Many),
        new BuiltinInfo("print", true, "print(@map [, int top [, int div]]) | print(value)", "Print a map or a value.", 1, 3),
        new BuiltinInfo("count", true, "count() -> count_t", "Count how often this runs.", 0, 0, IsAggregation: true),
        new BuiltinInfo("sum", true, "sum(int n) -> sum_t", "Sum of the values.", 1, 1, IsAggregation: true),
        new BuiltinInfo("avg", true, "avg(int n) -> avg_t", "Average of the values.", 1, 1, IsAggregation: true),
        new BuiltinInfo("min", true, "min(int n) -> min_t", "Minimum of the values.", 1, 1, IsAggregation: true),
        new BuiltinInfo("max", true, "max(int n) -> max_t", "Maximum of the values.", 1, 1, IsAggregation: true),
        new BuiltinInfo("stats", true, "stats(int n) -> stats_t", "Count, average and total of the values.", 1, 1, IsAggregation: true),
        new BuiltinInfo("hist", true, "hist(int n [, int k]) -> hist_t", "Log2 histogram with 2^k buckets per power of 2 (k = 0..5).", 1, 2, IsAggregation: true),
        new BuiltinInfo("quantize", true, "quantize(int n) -> hist_t", "Old name of hist.", 1, 2, IsAggregation: true, AliasOf: "hist"),
        new BuiltinInfo("lhist", true, "lhist(int n, int min, int max, int step) -> lhist_t", "Linear histogram.", 4, 4, IsAggregation: true),
        new BuiltinInfo("tseries", true, "tseries(int n, int interval_ns, int num_intervals [, string agg]) -> tseries_t", "Time series: one value per interval (agg: avg, max, min or sum; else the last value), the last num_intervals kept.", 3, 4, IsAggregation: true),
        new BuiltinInfo("delete", true, "delete(@map, key) | delete(@map[key])", "Delete a map element.", 0, 2),
        new BuiltinInfo("clear", true, "clear(@map)", "Delete every element of a map.", 1, 1),
        new BuiltinInfo("zero", true, "zero(@map)", "Set every value of a map to zero.", 1, 1),
        new BuiltinInfo("len", true, "len(@map) -> int64", "Number of elements of a map.", 1, 1),
        new BuiltinInfo("has_key", true, "has_key(@map, key) -> bool", "Whether a map holds a key.", 2, 2),
        new BuiltinInfo("str", true, "str(char *s [, int len]) -> string", "Read a NUL-terminated string.", 1, 2),
        new BuiltinInfo("buf", true, "buf(void *p, int len) -> buffer", "Read a buffer; print with %r.", 1, 2),
        new BuiltinInfo("time", true, "time([string fmt])", "Print the current time (strftime format, default \"%H:%M:%S\\n\").", 0, 1),
        new BuiltinInfo("strftime", true, "strftime(string fmt, int ns) -> timestamp", "Format a timestamp.", 2, 2),
        new BuiltinInfo("join", true, "join(char *arr[] [, string sep])", "Print an array of strings, joined.", 1, 2),
        new BuiltinInfo("exit", true, "exit([int code])", "Stop tracing, print the maps and exit.", 0, 1),
        new BuiltinInfo("system", true, "system(string fmt, ...)", "Run a shell command (needs --unsafe).", 1, Many, IsUnsafe: true),
        new BuiltinInfo("cat", true, "cat(string fmt, ...)", "Print the contents of a file.", 1, Many),
        new BuiltinInfo("signal", true, "signal(string sig | int sig)", "Send a signal to the current task (needs --unsafe).", 1, 1, IsUnsafe: true),
        new BuiltinInfo("ksym", true, "ksym(uint64 addr) -> ksym_t", "Kernel symbol of an address.", 1, 1),
        new BuiltinInfo("sym", true, "sym(uint64 addr) -> ksym_t", "Old name of ksym.", 1, 1, AliasOf: "ksym"),
        new BuiltinInfo("usym", true, "usym(uint64 addr) -> usym_t", "User symbol of an address.", 1, 1),
        new BuiltinInfo("kaddr", true, "kaddr(string name) -> uint64", "Address of a kernel symbol.", 1, 1),
        new BuiltinInfo("uaddr", true, "uaddr(string name) -> uint64 *", "Address of a user symbol (uprobes).", 1, 1),
        new BuiltinInfo("ntop", true, "ntop([int af,] int|char[] addr) -> inet", "Format an IPv4/IPv6 address.", 1, 2),
        new BuiltinInfo("kstack", true, "kstack([mode] [, int limit]) -> kstack", "Kernel stack, with a mode (bpftrace, perf, raw) and a frame limit.", 0, 2),
        new BuiltinInfo("ustack", true, "ustack([mode] [, int limit]) -> ustack", "User stack, with a mode and a frame limit.", 0, 2),
        new BuiltinInfo("cgroupid", true, "cgroupid(string path) -> uint64", "Cgroup id of a cgroup path.", 1, 1),
        new BuiltinInfo("strncmp", true, "strncmp(string a, string b, int n) -> int64", "Compare at most n characters.", 3, 3),
        new BuiltinInfo("strcontains", true, "strcontains(string haystack, string needle) -> bool", "Whether a string contains another.", 2, 2),
        new BuiltinInfo("sizeof", true, "sizeof(type | expr) -> uint64", "Size in bytes.", 1, 1),
        new BuiltinInfo("reg", true, "reg(string name) -> uint64", "Value of a register.", 1, 1),
        new BuiltinInfo("bswap", true, "bswap(int n) -> int", "Reverse byte order.", 1, 1),
        new BuiltinInfo("uptr", true, "uptr(p) -> pointer", "Mark a pointer as a user address.", 1, 1),
        new BuiltinInfo("kptr", true, "kptr(p) -> pointer", "Mark a pointer as a kernel address.", 1, 1),
        new BuiltinInfo("macaddr", true, "macaddr(char[6] addr) -> macaddr_t", "Format a MAC address.", 1, 1),
        new BuiltinInfo("cgroup_path", true, "cgroup_path(int id [, string filter]) -> cgroup_path_t", "Path of a cgroup.", 1, 2),
        new BuiltinInfo("strerror", true, "strerror(int errno) -> strerror_t", "An errno value, printed as its error text (No such file or directory).", 1, 1),
        new BuiltinInfo("debugf", true, "debugf(string fmt, ...)", "Write to the kernel trace pipe.", 1, Many),
        new BuiltinInfo("override", true, "override(int rc)", "Override a kprobe's return value (needs --unsafe).", 1, 1, IsUnsafe: true),
        new BuiltinInfo("unwatch", true, "unwatch(void *addr)", "Remove a watchpoint.", 1, 1),
        new BuiltinInfo("pid", true, "pid([curr_ns|init]) -> uint32", "Process id, in the current or the initial pid namespace.", 0, 1),
        new BuiltinInfo("tid", true, "tid([curr_ns|init]) -> uint32", "Thread id, in the current or the initial pid namespace.", 0, 1),
        new BuiltinInfo("nsecs", true, "nsecs([monotonic|boot|tai|sw_tai]) -> uint64", "Nanosecond timestamp of a clock.", 0, 1),
        new BuiltinInfo("comm", true, "comm([int pid]) -> string[16]", "Task name.", 0, 1),
        new BuiltinInfo("getopt", true, "getopt(string name [, default]) -> bool | int64 | string", "A named parameter given after -- on the command line (--name or --name=value), or the default.", 1, 2));

    private static readonly FrozenDictionary<string, BuiltinInfo> VariablesByName = Variables.ToFrozenDictionary(v => v.Name, StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, BuiltinInfo> FunctionsByName = Functions.ToFrozenDictionary(v => v.Name, StringComparer.Ordinal);

    public static BuiltinInfo? FindVariable(string name)
    {
        if (VariablesByName.TryGetValue(name, out var info))
        {
            return info;
        }

        return IsRegisterArgument(name) || name.StartsWith("sarg", StringComparison.Ordinal)
            ? new BuiltinInfo(name, false, $"{name}: int64", "Function argument (register), for kprobes, uprobes and USDT probes.")
            : null;
    }

    public static BuiltinInfo? FindFunction(string name) => FunctionsByName.TryGetValue(name, out var info) ? info : null;

    /// <summary><c>arg0</c> .. <c>arg255</c>.</summary>
    public static bool IsRegisterArgument(string name) =>
        name.Length > 3 && name.StartsWith("arg", StringComparison.Ordinal) && name.AsSpan(3).IndexOfAnyExceptInRange('0', '9') < 0
        && int.TryParse(name.AsSpan(3), out int n) && n < 256;
}
