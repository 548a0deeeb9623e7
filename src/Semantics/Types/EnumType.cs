using System.Collections.Immutable;

namespace BtLang.Semantics.Types;

/// <summary>A C enum: an integer of <see cref="Size"/> bytes whose values have names.</summary>
public sealed class EnumType : BtType
{
    public EnumType(string name, int size, ImmutableDictionary<string, long> values)
        : base(TypeKind.Enum)
    {
        Name = name;
        EnumSize = size;
        Values = values;
    }

    public string Name { get; }

    public int EnumSize { get; }

    public ImmutableDictionary<string, long> Values { get; }

    public override int Size => EnumSize;

    public override int Alignment => EnumSize;

    public override bool Equals(BtType? other) => other is EnumType e && e.Name == Name;

    public override int GetHashCode() => HashCode.Combine(TypeKind.Enum, Name);

    public override string ToString() => $"enum {Name}";
}
