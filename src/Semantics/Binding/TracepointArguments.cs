using System.Collections.Immutable;
using BtLang.Semantics.ProbeCatalog.Tracepoints;
using BtLang.Semantics.Types;

namespace BtLang.Semantics.Binding;

/// <summary>The <c>args</c> struct of a tracepoint, typed from its tracefs <c>format</c> file.</summary>
internal static class TracepointArguments
{
    /// <param name="tracepoint">The event and its format fields.</param>
    /// <param name="maxStrlen">Capacity of <c>__data_loc</c> strings.</param>
    /// <param name="kernelStruct">Finds kernel structs (from BTF) for <c>struct x *</c> fields; may return null.</param>
    public static StructType ToStructType(TracepointEvent tracepoint, int maxStrlen, Func<string, bool, StructType?> kernelStruct)
    {
        // Pointers in syscall arguments point into the calling process (they are __user in the kernel source).
        bool userPointers = tracepoint.Category == "syscalls";
        var members = ImmutableArray.CreateBuilder<StructMember>();
        foreach (var field in tracepoint.Fields)
        {
            if (field.IsDataLoc || field.IsRelLoc)
            {
                members.Add(new StructMember(field.Name, field.Offset, new StringType(maxStrlen), IsDataLoc: true));
                continue;
            }

            members.Add(new StructMember(field.Name, field.Offset, FieldType(field, userPointers, kernelStruct)));
        }

        return new StructType($"tracepoint_{tracepoint.Category}_{tracepoint.Name}", false, tracepoint.RecordSize, members.ToImmutable(), isContext: true);
    }

    private static BtType FieldType(TracepointField field, bool userPointers, Func<string, bool, StructType?> kernelStruct)
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
            // "const char *const *argv": every '*' past the first is one more pointer level (const removed above).
            string pointee = element.TrimEnd('*', ' ');
            int levels = element.Count(c => c == '*');
            BtType target = pointee switch
            {
                "char" or "uchar" => IntegerType.Int8,
                "void" => SimpleType.Void,
                _ when pointee.StartsWith("struct ", StringComparison.Ordinal) => kernelStruct(pointee["struct ".Length..].Trim(), false) ?? (BtType)IntegerType.UInt8,
                _ when pointee.StartsWith("union ", StringComparison.Ordinal) => kernelStruct(pointee["union ".Length..].Trim(), true) ?? (BtType)IntegerType.UInt8,
                _ => IntegerType.UInt8,
            };
            for (int level = 1; level < levels; level++)
            {
                target = new PointerType(target, userPointers);
            }

            return new PointerType(target, userPointers);
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
