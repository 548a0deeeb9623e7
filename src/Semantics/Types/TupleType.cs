using System.Collections.Immutable;

namespace BtLang.Semantics.Types;

/// <summary>
/// <c>(uint64, string[16])</c>: elements laid out in order, each at its natural alignment; the size is rounded up
/// to the largest alignment. Records are tuples with names (<see cref="FieldNames"/>); multi-key maps use a tuple key.
/// </summary>
public sealed class TupleType : BtType
{
    private readonly int _size;
    private readonly int _alignment;

    public TupleType(ImmutableArray<BtType> elements, ImmutableArray<string> fieldNames = default)
        : base(fieldNames.IsDefault ? TypeKind.Tuple : TypeKind.Record)
    {
        Elements = elements;
        FieldNames = fieldNames.IsDefault ? ImmutableArray<string>.Empty : fieldNames;
        var offsets = ImmutableArray.CreateBuilder<int>(elements.Length);
        int offset = 0;
        int alignment = 1;
        foreach (var element in elements)
        {
            int a = Math.Max(1, element.Alignment);
            offset = Align(offset, a);
            offsets.Add(offset);
            offset += element.Size;
            alignment = Math.Max(alignment, a);
        }

        Offsets = offsets.MoveToImmutable();
        _alignment = alignment;
        _size = Align(offset, alignment);
    }

    public ImmutableArray<BtType> Elements { get; }

    /// <summary>Field names of a record; empty for a tuple.</summary>
    public ImmutableArray<string> FieldNames { get; }

    public ImmutableArray<int> Offsets { get; }

    public bool IsRecord => Kind == TypeKind.Record;

    public override int Size => _size;

    public override int Alignment => _alignment;

    public int IndexOf(string fieldName) => FieldNames.IndexOf(fieldName);

    public override bool Equals(BtType? other) =>
        other is TupleType t && t.Kind == Kind && t.Elements.SequenceEqual(Elements) && t.FieldNames.SequenceEqual(FieldNames);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        foreach (var e in Elements)
        {
            hash.Add(e);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => IsRecord
        ? "record { " + string.Join(", ", Elements.Select((e, i) => $"{FieldNames[i]}: {e}")) + " }"
        : "(" + string.Join(", ", Elements) + ")";

    internal static int Align(int value, int alignment) => (value + alignment - 1) / alignment * alignment;
}
