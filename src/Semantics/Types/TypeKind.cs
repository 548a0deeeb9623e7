namespace BtLang.Semantics.Types;

/// <summary>The kinds of <see cref="BtType"/>.</summary>
public enum TypeKind
{
    Error,
    Void,
    None,
    Integer,
    Bool,
    String,
    Buffer,
    Tuple,
    Record,
    Pointer,
    Array,
    Struct,
    Enum,
    KernelStack,
    UserStack,
    KernelSymbol,
    UserSymbol,
    Inet,
    Timestamp,
    UserName,
    CgroupPath,
    ProbeName,
    MacAddress,
    ErrorText,
    Aggregate,
    Context,
}
