using System.Collections.Immutable;
using BtLang.Semantics.ProbeCatalog.Tracepoints;
using BtLang.Semantics.Types;

namespace BtLang.Semantics.Binding;

/// <summary>The <c>args</c> struct of a tracepoint, typed from its tracefs <c>format</c> file.</summary>
internal static class TracepointArguments
{
    public static StructType ToStructType(TracepointEvent tracepoint, int maxStrlen)
    {
        var members = ImmutableArray.CreateBuilder<StructMember>();
        foreach (var field in tracepoint.Fields)
        {
            if (field.IsDataLoc || field.IsRelLoc)
            {
                members.Add(new StructMember(field.Name, field.Offset, new StringType(maxStrlen), IsDataLoc: true));
                continue;
            }

            members.Add(new StructMember(field.Name, field.Offset, FieldType(field)));
        }

        return new StructType($"tracepoint_{tracepoint.Category}_{tracepoint.Name}", false, tracepoint.RecordSize, members.ToImmutable(), isContext: true);
    }

    private static BtType FieldType(TracepointField field)
    {
        string element = field.TypeText.Replace("const ", string.Empty, StringComparison.Ordinal).Replace("unsigned ", "u", StringComparison.Ordinal).Trim();
        if (field.ArrayLength is int length && length > 0)
        {
            int elementSize = Math.Max(1, field.Size / length);
            if (element is "char" or "uchar" or "u8" or "s8" || element.EndsWith(" char", StringComparison.Ordinal))
            {
                return new StringType(field.Size);
            }

            return new ArrayType(IntegerType.Get(Bits(elementSize), field.IsSigned), length);
        }

        if (field.IsPointer)
        {
            string pointee = element.TrimEnd('*').Trim();
            BtType target = pointee is "char" or "uchar" ? IntegerType.Int8 : pointee == "void" ? SimpleType.Void : IntegerType.UInt8;
            return new PointerType(target);
        }

        return field.Size is 1 or 2 or 4 or 8 ? IntegerType.Get(field.Size * 8, field.IsSigned) : new ArrayType(IntegerType.UInt8, Math.Max(1, field.Size));
    }

    private static int Bits(int size) => size switch
    {
        1 => 8,
        2 => 16,
        4 => 32,
        _ => 64,
    };
}
