using System.Collections.Immutable;
using BtLang.Semantics.Types;

namespace BtLang.Semantics.Binding;

/// <summary>Type rules shared by the binder: promotion, unification of map/variable types, names of types.</summary>
internal static class TypeFacts
{
    /// <summary>The 64-bit integer type a value of <paramref name="type"/> widens to (keys and values are stored as 64-bit).</summary>
    public static BtType Widen(BtType type) => type switch
    {
        IntegerType i => i.IsSigned ? IntegerType.Int64 : IntegerType.UInt64,
        EnumType => IntegerType.Int64,
        TupleType t when !t.IsRecord => new TupleType(t.Elements.Select(Widen).ToImmutableArray()),
        TupleType t => new TupleType(t.Elements.Select(Widen).ToImmutableArray(), t.FieldNames),
        _ => type,
    };

    /// <summary>
    /// The type that can hold values of both types, or null if none: integers unify to 64 bits (signed if either is),
    /// strings to the larger size, tuples element by element.
    /// </summary>
    public static BtType? Unify(BtType a, BtType b)
    {
        if (a.Equals(b))
        {
            return a;
        }

        if (a.IsError)
        {
            return b;
        }

        if (b.IsError)
        {
            return a;
        }

        if (a is IntegerType or EnumType && b is IntegerType or EnumType)
        {
            bool signed = a is not IntegerType { IsSigned: false } || b is not IntegerType { IsSigned: false };
            return signed ? IntegerType.Int64 : IntegerType.UInt64;
        }

        if (a is StringType sa && b is StringType sb)
        {
            return sa.Capacity >= sb.Capacity ? sa : sb;
        }

        if (a is BufferType ba && b is BufferType bb)
        {
            return ba.Capacity >= bb.Capacity ? ba : bb;
        }

        if (a is TupleType ta && b is TupleType tb && ta.Kind == tb.Kind && ta.Elements.Length == tb.Elements.Length && ta.FieldNames.SequenceEqual(tb.FieldNames))
        {
            var elements = ImmutableArray.CreateBuilder<BtType>(ta.Elements.Length);
            for (int i = 0; i < ta.Elements.Length; i++)
            {
                if (Unify(ta.Elements[i], tb.Elements[i]) is not { } e)
                {
                    return null;
                }

                elements.Add(e);
            }

            return new TupleType(elements.MoveToImmutable(), ta.IsRecord ? ta.FieldNames : default);
        }

        if (a is PointerType && b is PointerType)
        {
            return a;
        }

        if (a is SimpleType { Kind: TypeKind.Bool } && b is IntegerType || b is SimpleType { Kind: TypeKind.Bool } && a is IntegerType)
        {
            return IntegerType.Int64;
        }

        return null;
    }

    /// <summary>Result type of arithmetic on two integer operands (C's usual conversions, 64-bit).</summary>
    public static BtType Arithmetic(BtType left, BtType right)
    {
        if (left is PointerType && right is not PointerType)
        {
            return left;
        }

        bool unsigned = left is IntegerType { IsSigned: false } or PointerType && right is IntegerType { IsSigned: false } or PointerType;
        return unsigned ? IntegerType.UInt64 : IntegerType.Int64;
    }

    public static bool IsIntegerLike(BtType type) => type.Kind is TypeKind.Integer or TypeKind.Bool or TypeKind.Enum or TypeKind.Pointer or TypeKind.Error;
}
