namespace BtLang.Semantics.Types;

/// <summary>
/// A BtLang type. Types are immutable and compared structurally (<see cref="Equals(BtType?)"/>), so two
/// <c>string[16]</c> made in different places are the same type. <see cref="ToString"/> gives bpftrace's spelling.
/// </summary>
public abstract class BtType : IEquatable<BtType>
{
    private protected BtType(TypeKind kind) => Kind = kind;

    public TypeKind Kind { get; }

    /// <summary>Size in bytes of a value of this type as stored in a map or event.</summary>
    public abstract int Size { get; }

    /// <summary>Alignment in bytes of a value of this type inside tuples, records and map keys.</summary>
    public virtual int Alignment => 8;

    public bool IsError => Kind == TypeKind.Error;

    public bool IsInteger => Kind is TypeKind.Integer or TypeKind.Bool or TypeKind.Enum;

    /// <summary>True for types that can take part in arithmetic and comparisons as integers (incl. pointers).</summary>
    public bool IsIntegral => IsInteger || Kind == TypeKind.Pointer;

    public bool IsString => Kind == TypeKind.String;

    public bool IsAggregate => Kind == TypeKind.Aggregate;

    public abstract bool Equals(BtType? other);

    public override bool Equals(object? obj) => obj is BtType other && Equals(other);

    public abstract override int GetHashCode();

    public abstract override string ToString();
}
