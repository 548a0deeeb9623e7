using System.Globalization;
using System.Text;

namespace BtLang.Driver.Output;

/// <summary>
/// bpftrace's text form of values (0.26 <c>TextEmitter</c>): integers in decimal, <c>true</c>/<c>false</c>, strings raw,
/// tuples <c>(1, a)</c>, records and structs <c>{ .a = 1, .b = x }</c>, arrays <c>[1,2,3]</c>, pointers <c>0x1000</c>,
/// buffers with <c>\xNN</c> escapes, stacks as <c>\n</c>-led frame lines, stats as a record, avg as its integer average.
/// </summary>
public static class ValueText
{
    /// <summary>Indentation of <c>bpftrace</c>-mode stack frames.</summary>
    public const int StackIndent = 8;

    public static string ToText(Value value)
    {
        var sb = new StringBuilder();
        Append(sb, value);
        return sb.ToString();
    }

    /// <summary>Appends the text of <paramref name="value"/>; integers and aggregates are divided by <paramref name="div"/> (0 or 1: not divided).</summary>
    public static void Append(StringBuilder sb, Value value, long div = 0, bool compact = false)
    {
        switch (value)
        {
            case IntegerValue i:
                // print(@m, top, div) divides plain integers too, also inside tuples, records and arrays, in text and
                // JSON alike (bpftrace formats the value once, with the divisor, for both outputs).
                AppendInteger(sb, AggregateMath.Divide(i.Bits, div, i.IsSigned), i.IsSigned);
                break;
            case StringValue s:
                sb.Append(s.Text);
                break;
            case BooleanValue b:
                sb.Append(b.Value ? "true" : "false");
                break;
            case NoneValue:
                sb.Append("null");
                break;
            case BufferValue buf:
                AppendBuffer(sb, buf.Bytes.AsSpan(), keepPrintable: true, escape: true);
                break;
            case TupleValue t:
                sb.Append('(');
                AppendElements(sb, t.Elements, compact ? "," : ", ", compact, div);
                sb.Append(')');
                break;
            case RecordValue r:
                AppendRecord(sb, r, compact, div);
                break;
            case ArrayValue a:
                sb.Append('[');
                AppendElements(sb, a.Elements, ",", compact, div);
                sb.Append(']');
                break;
            case PointerValue p:
                sb.Append("0x").Append(p.Address.ToString("x", CultureInfo.InvariantCulture));
                break;
            case StackValue stack:
                AppendStack(sb, stack);
                break;
            case SymbolValue sym:
                sb.Append(sym.Name);
                break;
            case InetValue inet:
                sb.Append(inet.Text);
                break;
            case ProbeNameValue probe:
                sb.Append(probe.Name);
                break;
            case TimestampValue ts:
                sb.Append(ts.Text);
                break;
            case UserNameValue user:
                sb.Append(user.Name);
                break;
            case CgroupPathValue cg:
                sb.Append(cg.Path);
                break;
            case EnumValue e:
                if (e.Name is not null)
                {
                    sb.Append(e.Name);
                }
                else
                {
                    AppendInteger(sb, e.Number, signed: false);
                }

                break;
            case MacAddressValue mac:
                sb.Append(mac.Text);
                break;
            case CountValue or SumValue or MinMaxValue or AverageValue:
                AggregateMath.TryScalar(value, div, out long scalar, out bool scalarSigned);
                AppendInteger(sb, scalar, scalarSigned);
                break;
            case StatsValue st:
                sb.Append("{ .count = ");
                AppendInteger(sb, unchecked((long)st.Count), signed: false);
                sb.Append(", .average = ");
                AppendInteger(sb, AggregateMath.Divide(st.Average, div, st.IsSigned), st.IsSigned);
                sb.Append(", .total = ");
                AppendInteger(sb, st.Total, st.IsSigned);
                sb.Append(" }");
                break;
            case HistogramValue h:
                HistogramText.Append(sb, h, div);
                break;
            case TimeSeriesValue series:
                TimeSeriesText.Append(sb, series);
                break;
            default:
                throw new ArgumentException($"cannot print {value.GetType().Name}", nameof(value));
        }
    }

    /// <summary>A map key as printed between <c>[</c> and <c>]</c>: a top-level tuple loses its parentheses.</summary>
    public static void AppendKey(StringBuilder sb, Value key, bool compact = false)
    {
        if (key is TupleValue t)
        {
            AppendElements(sb, t.Elements, compact ? "," : ", ", compact);
        }
        else
        {
            Append(sb, key, 0, compact);
        }
    }

    public static void AppendInteger(StringBuilder sb, long bits, bool signed)
    {
        Span<char> digits = stackalloc char[24];
        int written;
        if (signed)
        {
            bits.TryFormat(digits, out written, default, CultureInfo.InvariantCulture);
        }
        else
        {
            unchecked((ulong)bits).TryFormat(digits, out written, default, CultureInfo.InvariantCulture);
        }

        sb.Append(digits[..written]);
    }

    /// <summary>
    /// bpftrace's buffer text: printable bytes (32..126) kept when <paramref name="keepPrintable"/>, others as
    /// <c>\xNN</c> when <paramref name="escape"/>, otherwise every byte as two hex digits separated by spaces.
    /// </summary>
    public static void AppendBuffer(StringBuilder sb, ReadOnlySpan<byte> bytes, bool keepPrintable, bool escape)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            if (keepPrintable && b >= 32 && b <= 126)
            {
                sb.Append((char)b);
            }
            else if (escape)
            {
                sb.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
                if (i != bytes.Length - 1)
                {
                    sb.Append(' ');
                }
            }
        }
    }

    /// <summary>A stack: a leading newline, then one line per frame in the stack's mode.</summary>
    public static void AppendStack(StringBuilder sb, StackValue stack)
    {
        sb.Append('\n');
        foreach (var frame in stack.Frames)
        {
            switch (stack.Mode)
            {
                case StackMode.Raw:
                    sb.Append(frame.Address.ToString("x", CultureInfo.InvariantCulture));
                    break;
                case StackMode.Perf:
                    sb.Append('\t').Append(frame.Address.ToString("x", CultureInfo.InvariantCulture)).Append(' ').Append(frame.Symbol);
                    break;
                default:
                    sb.Append(' ', StackIndent).Append(frame.Symbol);
                    break;
            }

            sb.Append('\n');
        }
    }

    private static void AppendRecord(StringBuilder sb, RecordValue record, bool compact, long div)
    {
        if (record.Fields.IsEmpty)
        {
            sb.Append("{}");
            return;
        }

        sb.Append(compact ? "{" : "{ ");
        bool first = true;
        foreach (var field in record.Fields)
        {
            if (!first)
            {
                sb.Append(compact ? "," : ", ");
            }

            sb.Append('.').Append(field.Name).Append(compact ? "=" : " = ");
            Append(sb, field.Value, div, compact);
            first = false;
        }

        sb.Append(compact ? "}" : " }");
    }

    private static void AppendElements(StringBuilder sb, System.Collections.Immutable.ImmutableArray<Value> elements, string separator, bool compact, long div = 0)
    {
        for (int i = 0; i < elements.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(separator);
            }

            Append(sb, elements[i], div, compact);
        }
    }
}
