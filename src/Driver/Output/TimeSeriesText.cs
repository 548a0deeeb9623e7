using System.Globalization;
using System.Text;

namespace BtLang.Driver.Output;

/// <summary>
/// Text and JSON of a <c>tseries()</c> value as bpftrace 0.26 prints them. Text: a graph 53 columns wide between
/// the smallest and the largest value, one row per interval (its start time, a <c>*</c> at the value's place, the
/// value, or <c>-</c> for an interval without one), with the range printed above and below. Times are local;
/// seconds get a fraction (ms, µs or ns digits) when the intervals are shorter than a second.
/// </summary>
public static class TimeSeriesText
{
    private const int GraphWidth = 53;
    private const int Padding = 21;

    /// <summary>Appends the graph; times in <paramref name="zone"/> (the local zone when null).</summary>
    public static void Append(StringBuilder sb, TimeSeriesValue series, TimeZoneInfo? zone = null)
    {
        zone ??= TimeZoneInfo.Local;
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(series);
        var points = series.Points;
        if (points.IsEmpty)
        {
            sb.Append("<no data>");
            return;
        }

        bool signed = series.IsSigned;
        long min = points[0].Value ?? 0;
        long max = min;
        foreach (var point in points)
        {
            if (point.Value is long v)
            {
                min = Less(v, min, signed) ? v : min;
                max = Less(max, v, signed) ? v : max;
            }
        }

        if (min == max)
        {
            // Leave room on both sides of a flat line, without wrapping at the ends of the range.
            if (signed ? min > long.MinValue : min != 0)
            {
                min--;
            }

            if (signed ? max < long.MaxValue : max != -1)
            {
                max++;
            }
        }

        long span = points.Length > 1 ? points[^1].StartUnixNanoseconds - points[0].StartUnixNanoseconds : 0;
        long interval = span / (points.Length > 1 ? points.Length - 1 : 1);
        int digits = interval >= 1_000_000_000 ? 0 : interval >= 1_000_000 ? 3 : interval >= 1_000 ? 6 : 9;
        string timeHeader = "hh:mm:ss" + digits switch { 3 => ".ms", 6 => ".μs", 9 => ".ns", _ => string.Empty };
        int timeSize = 8 + (digits > 0 ? 1 + digits : 0);

        // A series whose intervals are all empty (a zeroed key next to keys with newer data) has no range: bpftrace
        // prints its min and max as null.
        bool empty = !points.Any(p => p.Value is not null);
        string minText = empty ? "null" : Number(min, signed);
        string maxText = empty ? "null" : Number(max, signed);
        sb.Append(' ', timeSize + 1);
        AppendRange(sb, minText, maxText);
        AppendPadded(sb, timeHeader, timeSize + 1);
        sb.Append('|').Append('_', GraphWidth - 2).Append("|\n");

        float distance = Distance(min, max, signed);
        foreach (var point in points)
        {
            AppendTime(sb, point.StartUnixNanoseconds, digits, zone);
            sb.Append(' ');
            var line = new char[GraphWidth];
            Array.Fill(line, ' ');
            line[0] = '|';
            line[GraphWidth - 1] = '|';
            if (point.Value is long v)
            {
                int offset = GraphWidth / 2;
                if (min != max)
                {
                    offset = (int)((GraphWidth - 1) * Distance(min, v, signed) / distance);
                }

                line[Math.Clamp(offset, 0, GraphWidth - 1)] = '*';
                sb.Append(line).Append(' ').Append(Number(v, signed));
            }
            else
            {
                sb.Append(line).Append(" -");
            }

            sb.Append('\n');
        }

        sb.Append(' ', timeSize).Append(' ').Append('v').Append('_', GraphWidth - 2).Append("v\n");
        sb.Append(' ', timeSize).Append(' ');
        AppendRange(sb, minText, maxText);
    }

    /// <summary>JSON: an array of <c>{"interval_start": "ISO-8601 local time with ns", "value": n or null}</c>.</summary>
    public static void AppendJson(StringBuilder sb, TimeSeriesValue series, TimeZoneInfo? zone = null)
    {
        zone ??= TimeZoneInfo.Local;
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(series);
        sb.Append('[');
        for (int i = 0; i < series.Points.Length; i++)
        {
            var point = series.Points[i];
            if (i > 0)
            {
                sb.Append(',');
            }

            var local = LocalTime(point.StartUnixNanoseconds, zone, out long fraction);
            sb.Append("{\"interval_start\": \"")
                .Append(local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture))
                .Append('.').Append(fraction.ToString("D9", CultureInfo.InvariantCulture))
                .Append("\", \"value\": ");
            if (point.Value is long v)
            {
                JsonText.AppendInteger(sb, v, series.IsSigned);
            }
            else
            {
                sb.Append("null");
            }

            sb.Append('}');
        }

        sb.Append(']');
    }

    private static void AppendRange(StringBuilder sb, string minText, string maxText)
    {
        AppendPadded(sb, minText, Padding);
        sb.Append(' ', Math.Max(0, GraphWidth - Padding - maxText.Length)).Append(maxText).Append('\n');
    }

    /// <summary>Left-justifies like iostream's setw: the width counts UTF-8 bytes (the µ of "μs" is two).</summary>
    private static void AppendPadded(StringBuilder sb, string text, int width)
    {
        sb.Append(text).Append(' ', Math.Max(0, width - RawText.GetByteCount(text)));
    }

    private static void AppendTime(StringBuilder sb, long unixNanoseconds, int digits, TimeZoneInfo zone)
    {
        var local = LocalTime(unixNanoseconds, zone, out long fraction);
        sb.Append(local.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
        if (digits > 0)
        {
            long scaled = fraction / (digits switch { 3 => 1_000_000, 6 => 1_000, _ => 1 });
            sb.Append('.').Append(scaled.ToString("D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        }
    }

    private static DateTime LocalTime(long unixNanoseconds, TimeZoneInfo zone, out long fraction)
    {
        long seconds = Math.DivRem(unixNanoseconds, 1_000_000_000, out fraction);
        if (fraction < 0)
        {
            fraction += 1_000_000_000;
            seconds--;
        }

        return TimeZoneInfo.ConvertTimeFromUtc(DateTime.UnixEpoch.AddSeconds(seconds), zone);
    }

    private static string Number(long value, bool signed) =>
        signed ? value.ToString(CultureInfo.InvariantCulture) : unchecked((ulong)value).ToString(CultureInfo.InvariantCulture);

    private static bool Less(long a, long b, bool signed) => signed ? a < b : unchecked((ulong)a < (ulong)b);

    /// <summary>How far <paramref name="to"/> lies above <paramref name="from"/>, as a float.</summary>
    private static float Distance(long from, long to, bool signed) =>
        signed ? (float)((double)to - from) : (float)((double)unchecked((ulong)to) - unchecked((ulong)from));
}
