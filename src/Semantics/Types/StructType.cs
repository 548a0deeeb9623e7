using System.Collections.Immutable;

namespace BtLang.Semantics.Types;

/// <summary>
/// A C struct or union (from kernel BTF or the script's own definitions), or the context struct of a probe
/// (<see cref="TypeKind.Context"/>: a tracepoint's <c>args</c>). Members are resolved lazily, since kernel
/// structs refer to each other in cycles; equality is by kind and name.
/// </summary>
public sealed class StructType : BtType
{
    private readonly Lazy<ImmutableArray<StructMember>> _members;

    public StructType(string name, bool isUnion, int size, Func<ImmutableArray<StructMember>> members, bool isContext = false)
        : base(isContext ? TypeKind.Context : TypeKind.Struct)
    {
        Name = name;
        IsUnion = isUnion;
        StructSize = size;
        _members = new Lazy<ImmutableArray<StructMember>>(members);
    }

    public StructType(string name, bool isUnion, int size, ImmutableArray<StructMember> members, bool isContext = false)
        : this(name, isUnion, size, () => members, isContext)
    {
    }

    /// <summary>C name without the tag (<c>task_struct</c>), or a context name like <c>tracepoint_syscalls_sys_enter_openat</c>.</summary>
    public string Name { get; }

    public bool IsUnion { get; }

    public int StructSize { get; }

    public ImmutableArray<StructMember> Members => _members.Value;

    public override int Size => StructSize;

    public StructMember? FindMember(string name)
    {
        foreach (var member in Members)
        {
            if (member.Name == name)
            {
                return member;
            }
        }

        return null;
    }

    public override bool Equals(BtType? other) => other is StructType s && s.Kind == Kind && s.Name == Name && s.IsUnion == IsUnion;

    public override int GetHashCode() => HashCode.Combine(Kind, Name);

    public override string ToString() => Kind == TypeKind.Context ? $"args ({Name})" : (IsUnion ? "union " : "struct ") + Name;
}
