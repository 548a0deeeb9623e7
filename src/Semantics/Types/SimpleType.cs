namespace BtLang.Semantics.Types;

/// <summary>A type with no parameters: void, none, bool, stacks-free scalars such as ksym, inet, timestamps.</summary>
public sealed class SimpleType : BtType
{
    private readonly int _size;
    private readonly string _name;

    private SimpleType(TypeKind kind, int size, string name)
        : base(kind)
    {
        _size = size;
        _name = name;
    }

    public static SimpleType Error { get; } = new(TypeKind.Error, 0, "<error>");

    public static SimpleType Void { get; } = new(TypeKind.Void, 0, "void");

    public static SimpleType None { get; } = new(TypeKind.None, 0, "none");

    public static SimpleType Bool { get; } = new(TypeKind.Bool, 1, "bool");

    public static SimpleType KernelSymbol { get; } = new(TypeKind.KernelSymbol, 8, "ksym_t");

    public static SimpleType UserSymbol { get; } = new(TypeKind.UserSymbol, 16, "usym_t");

    public static SimpleType Inet { get; } = new(TypeKind.Inet, 24, "inet");

    public static SimpleType Timestamp { get; } = new(TypeKind.Timestamp, 8, "timestamp");

    public static SimpleType UserName { get; } = new(TypeKind.UserName, 8, "username");

    public static SimpleType CgroupPath { get; } = new(TypeKind.CgroupPath, 8, "cgroup_path_t");

    public static SimpleType ProbeName { get; } = new(TypeKind.ProbeName, 8, "probe");

    public static SimpleType MacAddress { get; } = new(TypeKind.MacAddress, 6, "macaddr_t");

    /// <summary><c>strerror(errno)</c>: an errno, printed as the C library's error text.</summary>
    public static SimpleType ErrorText { get; } = new(TypeKind.ErrorText, 8, "strerror_t");

    public override int Size => _size;

    public override int Alignment => Kind is TypeKind.Bool or TypeKind.MacAddress ? 1 : 8;

    public override bool Equals(BtType? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => (int)Kind;

    public override string ToString() => _name;
}
