namespace BtLang.Driver.Output;

/// <summary>
/// Orders map keys the way bpftrace sorts maps whose values are not numbers: integers numerically, strings by their
/// bytes, tuples and records field by field; other kinds by address or text so the order is stable.
/// </summary>
public sealed class ValueComparer : IComparer<Value>
{
    public static ValueComparer Instance { get; } = new();

    public int Compare(Value? x, Value? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        switch (x, y)
        {
            case (IntegerValue a, IntegerValue b):
                return a.IsSigned || b.IsSigned ? a.Bits.CompareTo(b.Bits) : a.AsUInt64.CompareTo(b.AsUInt64);
            case (StringValue a, StringValue b):
                return RawText.CompareBytes(a.Text, b.Text);
            case (TupleValue a, TupleValue b):
                return CompareSequences(a.Elements, b.Elements);
            case (ArrayValue a, ArrayValue b):
                return CompareSequences(a.Elements, b.Elements);
            case (RecordValue a, RecordValue b):
            {
                int n = Math.Min(a.Fields.Length, b.Fields.Length);
                for (int i = 0; i < n; i++)
                {
                    int c = Compare(a.Fields[i].Value, b.Fields[i].Value);
                    if (c != 0)
                    {
                        return c;
                    }
                }

                return a.Fields.Length.CompareTo(b.Fields.Length);
            }

            case (BooleanValue a, BooleanValue b):
                return a.Value.CompareTo(b.Value);
            case (PointerValue a, PointerValue b):
                return a.Address.CompareTo(b.Address);
            case (SymbolValue a, SymbolValue b):
                return a.Address.CompareTo(b.Address);
            case (EnumValue a, EnumValue b):
                return a.Number.CompareTo(b.Number);
            case (StackValue a, StackValue b):
            {
                int n = Math.Min(a.Frames.Length, b.Frames.Length);
                for (int i = 0; i < n; i++)
                {
                    int c = a.Frames[i].Address.CompareTo(b.Frames[i].Address);
                    if (c != 0)
                    {
                        return c;
                    }
                }

                return a.Frames.Length.CompareTo(b.Frames.Length);
            }

            case (BufferValue a, BufferValue b):
                return a.Bytes.AsSpan().SequenceCompareTo(b.Bytes.AsSpan());
        }

        int kind = string.CompareOrdinal(x.GetType().Name, y.GetType().Name);
        return kind != 0 ? kind : string.CompareOrdinal(ValueText.ToText(x), ValueText.ToText(y));
    }

    private int CompareSequences(System.Collections.Immutable.ImmutableArray<Value> a, System.Collections.Immutable.ImmutableArray<Value> b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            int c = Compare(a[i], b[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
