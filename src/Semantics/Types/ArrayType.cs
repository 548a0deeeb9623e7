namespace BtLang.Semantics.Types;

/// <summary>A fixed-size array: <c>int32[4]</c>.</summary>
public sealed class ArrayType : BtType
{
    public ArrayType(BtType element, int count)
        : base(TypeKind.Array)
    {
        Element = element;
        Count = count;
    }

    public BtType Element { get; }

    public int Count { get; }

    public override int Size => Element.Size * Count;

    public override int Alignment => Element.Alignment;

    public override bool Equals(BtType? other) => other is ArrayType a && a.Count == Count && a.Element.Equals(Element);

    public override int GetHashCode() => HashCode.Combine(TypeKind.Array, Element, Count);

    public override string ToString() => $"{Element}[{Count}]";
}
