namespace BtLang.Emit.Metadata;

/// <summary>The kinds of value that travel from BPF to user space (map keys and values, event arguments).</summary>
public enum RuntimeTypeKind
{
    /// <summary>No value (e.g. the value of a map that only counts). Size 0.</summary>
    None,

    /// <summary>Little-endian integer of <see cref="RuntimeType.Size"/> 1, 2, 4 or 8 bytes; <see cref="RuntimeType.IsSigned"/>.</summary>
    Integer,

    /// <summary>One byte, 0 or 1; printed <c>true</c>/<c>false</c>.</summary>
    Boolean,

    /// <summary>NUL-terminated bytes in a fixed-size field of <see cref="RuntimeType.Size"/> bytes.</summary>
    String,

    /// <summary><c>buf()</c>: a u32 length followed by <see cref="RuntimeType.Size"/> - 4 bytes of data.</summary>
    Buffer,

    /// <summary>Fields at their offsets; printed <c>(1, a)</c>, as map keys <c>1, a</c>.</summary>
    Tuple,

    /// <summary>Named fields; printed <c>{ .a = 1, .b = x }</c>.</summary>
    Record,

    /// <summary>A C struct/union value; printed like a record. <see cref="RuntimeType.Name"/> is its C name.</summary>
    Struct,

    /// <summary><see cref="RuntimeType.Count"/> elements of <see cref="RuntimeType.Element"/>; printed <c>[1,2,3]</c>.</summary>
    Array,

    /// <summary>Pointer (u64); printed in hex <c>0xffff...</c>. <see cref="RuntimeType.Name"/> is the pointee type name.</summary>
    Pointer,

    /// <summary>
    /// <c>kstack</c>: an s64 stack id into the stack-trace map named <see cref="RuntimeType.StackMap"/>; <see cref="RuntimeType.StackDepth"/>
    /// frames at most, printed in <see cref="RuntimeType.StackMode"/>. Size 8.
    /// </summary>
    KernelStack,

    /// <summary><c>ustack</c>: s64 stack id followed by u32 pid (and 4 bytes padding). Size 16.</summary>
    UserStack,

    /// <summary><c>ksym(addr)</c>, <c>func</c> in kernel probes: a u64 kernel address printed as a symbol.</summary>
    KernelSymbol,

    /// <summary><c>usym(addr)</c>, <c>func</c> in uprobes: u64 address then u32 pid (+4 padding). Size 16.</summary>
    UserSymbol,

    /// <summary><c>ntop()</c>: u32 address family (2 or 10) then 16 address bytes (+4 padding). Size 24.</summary>
    InetAddress,

    /// <summary><c>probe</c>: a u64 probe-name index into <see cref="ObjectMetadata.ProbeNames"/>.</summary>
    ProbeName,

    /// <summary><c>strftime(fmt, ns)</c>: a u64 boot-clock timestamp; <see cref="RuntimeType.Name"/> is the format.</summary>
    Timestamp,

    /// <summary><c>username</c>: a u64 uid, printed as the user name.</summary>
    UserName,

    /// <summary><c>cgroup_path(id)</c>: a u64 cgroup id, printed as a path.</summary>
    CgroupPath,

    /// <summary>An enum value (integer of <see cref="RuntimeType.Size"/>), printed by name with <c>%s</c>.</summary>
    Enum,

    /// <summary><c>macaddr()</c>: 6 bytes.</summary>
    MacAddress,

    /// <summary><c>strerror(errno)</c>: a u64 errno, printed as the C library's error text.</summary>
    ErrorText,
}
