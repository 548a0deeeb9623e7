namespace BtLang.Semantics.ProbeCatalog.Tracepoints;

/// <summary>
/// One field of a tracepoint, parsed from a tracefs <c>format</c> line such as
/// <c>field:char prev_comm[16];	offset:8;	size:16;	signed:0;</c>.
/// </summary>
/// <param name="Name">The field name, e.g. <c>prev_comm</c>.</param>
/// <param name="TypeText">The C type text without the array suffix, e.g. <c>char</c>, <c>const char *</c>,
/// <c>__data_loc char[]</c>.</param>
/// <param name="ArrayLength">The element count of an array field (<c>char comm[16]</c> gives 16), else null.</param>
/// <param name="Offset">Byte offset in the tracepoint record.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="IsSigned">The <c>signed:</c> flag.</param>
public sealed record TracepointField(string Name, string TypeText, int? ArrayLength, int Offset, int Size, bool IsSigned)
{
    /// <summary>True for the <c>common_*</c> header fields that bpftrace hides from <c>args</c>.</summary>
    public bool IsCommon => Name.StartsWith("common_", StringComparison.Ordinal);

    /// <summary>True for dynamically located data (<c>__data_loc char[] name</c>): the field holds
    /// a 32-bit (length &lt;&lt; 16 | offset) locator of the data inside the record.</summary>
    public bool IsDataLoc => TypeText.StartsWith("__data_loc", StringComparison.Ordinal);

    /// <summary>True for relatively located data (<c>__rel_loc</c>): the offset is relative to the field's end.</summary>
    public bool IsRelLoc => TypeText.StartsWith("__rel_loc", StringComparison.Ordinal);

    /// <summary>True if the field is a fixed-size array.</summary>
    public bool IsArray => ArrayLength is not null;

    /// <summary>True if the type text is a pointer (ends with <c>*</c>).</summary>
    public bool IsPointer => TypeText.EndsWith('*');

    /// <summary>
    /// For <c>__data_loc</c>/<c>__rel_loc</c> fields, the element type of the located data (<c>char</c> for
    /// <c>__data_loc char[]</c>); otherwise the type text.
    /// </summary>
    public string ElementTypeText
    {
        get
        {
            if (!IsDataLoc && !IsRelLoc)
                return TypeText;
            string text = TypeText[(IsDataLoc ? "__data_loc".Length : "__rel_loc".Length)..].Trim();
            return text.EndsWith("[]", StringComparison.Ordinal) ? text[..^2].TrimEnd() : text;
        }
    }

    /// <summary>The declaration as bpftrace's <c>-lv</c> prints it: <c>char prev_comm[16]</c>,
    /// <c>const char * filename</c>, <c>__data_loc char[] filename</c>.</summary>
    public string Declaration => ArrayLength is int n ? $"{TypeText} {Name}[{n}]" : $"{TypeText} {Name}";
}
