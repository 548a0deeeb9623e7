using System.Globalization;
using System.Text;

namespace BtLang.Driver.Output;

/// <summary>
/// bpftrace's JSON form of values (0.26 <c>JsonEmitter</c>), byte for byte: objects spaced (<c>{"a": 1, "b": 2}</c>),
/// arrays not (<c>[1,2]</c>), integers a double cannot hold exactly as strings, records and structs as objects,
/// tuples as arrays, stats as <c>{"count": c, "average": a, "total": t}</c>, histograms as <c>{"min", "max", "count"}</c>
/// rows with open ends left out. Written by hand because no serializer produces bpftrace's spacing; no reflection.
/// </summary>
public static class JsonText
{
    /// <summary>A JSON string escaped as bpftrace escapes it (see <see cref="RawText.AppendJsonEscaped"/>).</summary>
    public static void AppendString(StringBuilder sb, string s)
    {
        sb.Append('"');
        RawText.AppendJsonEscaped(sb, s);
        sb.Append('"');
    }

    /// <summary>An integer as a JSON number, or as a JSON string when a double cannot represent it exactly.</summary>
    public static void AppendInteger(StringBuilder sb, long bits, bool signed)
    {
        bool exact;
        if (signed)
        {
            double d = bits;
            exact = d < 9223372036854775808.0 && (long)d == bits;
        }
        else
        {
            ulong u = unchecked((ulong)bits);
            double d = u;
            exact = d < 18446744073709551616.0 && (ulong)d == u;
        }

        if (!exact)
        {
            sb.Append('"');
        }

        ValueText.AppendInteger(sb, bits, signed);
        if (!exact)
        {
            sb.Append('"');
        }
    }

    public static void AppendInteger(StringBuilder sb, Int128 value)
    {
        if (value >= long.MinValue && value <= long.MaxValue)
        {
            AppendInteger(sb, (long)value, signed: true);
        }
        else if (value >= 0 && value <= ulong.MaxValue)
        {
            AppendInteger(sb, unchecked((long)(ulong)value), signed: false);
        }
        else
        {
            sb.Append('"').Append(value.ToString(CultureInfo.InvariantCulture)).Append('"');
        }
    }

    /// <summary>Appends the JSON of <paramref name="value"/>; aggregates are divided by <paramref name="div"/>.</summary>
    public static void AppendValue(StringBuilder sb, Value value, long div = 0)
    {
        switch (value)
        {
            case IntegerValue i:
                // Divided like the text output (ValueText.Append): one rule for both.
                AppendInteger(sb, AggregateMath.Divide(i.Bits, div, i.IsSigned), i.IsSigned);
                break;
            case StringValue s:
                AppendString(sb, s.Text);
                break;
            case BooleanValue b:
                sb.Append(b.Value ? "true" : "false");
                break;
            case NoneValue:
                sb.Append("null");
                break;
            case BufferValue buf:
                sb.Append('[');
                for (int i = 0; i < buf.Bytes.Length; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    // bpftrace emits the bytes as (signed) chars.
                    sb.Append(((sbyte)buf.Bytes[i]).ToString(CultureInfo.InvariantCulture));
                }

                sb.Append(']');
                break;
            case TupleValue t:
                AppendArray(sb, t.Elements, div);
                break;
            case ArrayValue a:
                AppendArray(sb, a.Elements, div);
                break;
            case RecordValue r:
                sb.Append('{');
                for (int i = 0; i < r.Fields.Length; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }

                    AppendString(sb, r.Fields[i].Name);
                    sb.Append(": ");
                    AppendValue(sb, r.Fields[i].Value, div);
                }

                sb.Append('}');
                break;
            case PointerValue p:
                AppendInteger(sb, unchecked((long)p.Address), signed: false);
                break;
            case EnumValue e:
                AppendInteger(sb, e.Number, signed: false);
                break;
            case CountValue or SumValue or MinMaxValue or AverageValue:
                AggregateMath.TryScalar(value, div, out long scalar, out bool scalarSigned);
                AppendInteger(sb, scalar, scalarSigned);
                break;
            case StatsValue st:
                sb.Append("{\"count\": ");
                AppendInteger(sb, unchecked((long)st.Count), signed: false);
                sb.Append(", \"average\": ");
                AppendInteger(sb, AggregateMath.Divide(st.Average, div, st.IsSigned), st.IsSigned);
                sb.Append(", \"total\": ");
                AppendInteger(sb, st.Total, st.IsSigned);
                sb.Append('}');
                break;
            case HistogramValue h:
                AppendHistogram(sb, h, div);
                break;
            case TimeSeriesValue series:
                TimeSeriesText.AppendJson(sb, series);
                break;
            default:
                // Stacks, symbols, addresses, names, timestamps: their text.
                AppendString(sb, ValueText.ToText(value));
                break;
        }
    }

    /// <summary>A map key as a JSON object member name: its text, a top-level tuple without parentheses and with
    /// <c>,</c> separators (<c>"1,a"</c>).</summary>
    public static void AppendKey(StringBuilder sb, Value key)
    {
        if (key is StringValue s)
        {
            AppendString(sb, s.Text);
            return;
        }

        var text = new StringBuilder();
        ValueText.AppendKey(text, key, compact: true);
        AppendString(sb, text.ToString());
    }

    public static void AppendHistogram(StringBuilder sb, HistogramValue histogram, long div = 0)
    {
        var counts = histogram.Counts;
        int min = -1;
        int max = -1;
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                if (min < 0)
                {
                    min = i;
                }

                max = i;
            }
        }

        bool divide = histogram.Layout.Kind == BtLang.Semantics.Formatting.HistogramKind.Log2 && div > 1;
        sb.Append('[');
        for (int i = min; min >= 0 && i <= max; i++)
        {
            if (i > min)
            {
                sb.Append(',');
            }

            sb.Append('{');
            var lower = histogram.Layout.LowerBound(i);
            if (lower is not null)
            {
                sb.Append("\"min\": ");
                AppendInteger(sb, lower.Value.Value);
                sb.Append(", ");
            }

            var upper = histogram.Layout.UpperBound(i);
            if (upper is not null)
            {
                sb.Append("\"max\": ");
                AppendInteger(sb, upper.Value.Value - 1);
                sb.Append(", ");
            }

            ulong count = divide ? counts[i] / (ulong)div : counts[i];
            sb.Append("\"count\": ").Append(count.ToString(CultureInfo.InvariantCulture)).Append('}');
        }

        sb.Append(']');
    }

    private static void AppendArray(StringBuilder sb, System.Collections.Immutable.ImmutableArray<Value> elements, long div)
    {
        sb.Append('[');
        for (int i = 0; i < elements.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            AppendValue(sb, elements[i], div);
        }

        sb.Append(']');
    }
}
