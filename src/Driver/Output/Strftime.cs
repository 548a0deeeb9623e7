using System.Globalization;
using System.Text;

namespace BtLang.Driver.Output;

/// <summary>
/// C <c>strftime</c> in the C locale, for <c>time()</c> and <c>strftime()</c>, plus bpftrace's <c>%f</c>
/// (microseconds, 6 digits). Unknown conversions are copied as is.
/// </summary>
public static class Strftime
{
    private static readonly string[] ShortDays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] LongDays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] ShortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    private static readonly string[] LongMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>Formats a local time. <paramref name="subsecondNanoseconds"/> feeds <c>%f</c> (defaults to the time's own fraction).</summary>
    public static string Format(string format, DateTime localTime, long subsecondNanoseconds = -1)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (subsecondNanoseconds < 0)
        {
            subsecondNanoseconds = (localTime.Ticks % TimeSpan.TicksPerSecond) * 100;
        }

        var sb = new StringBuilder(format.Length + 16);
        Append(sb, format, localTime, subsecondNanoseconds);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, string format, DateTime t, long ns)
    {
        var inv = CultureInfo.InvariantCulture;
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c != '%' || i + 1 >= format.Length)
            {
                sb.Append(c);
                continue;
            }

            char f = format[++i];
            switch (f)
            {
                case 'a': sb.Append(ShortDays[(int)t.DayOfWeek]); break;
                case 'A': sb.Append(LongDays[(int)t.DayOfWeek]); break;
                case 'b':
                case 'h': sb.Append(ShortMonths[t.Month - 1]); break;
                case 'B': sb.Append(LongMonths[t.Month - 1]); break;
                case 'c': Append(sb, "%a %b %e %H:%M:%S %Y", t, ns); break;
                case 'C': sb.Append((t.Year / 100).ToString("D2", inv)); break;
                case 'd': sb.Append(t.Day.ToString("D2", inv)); break;
                case 'D': Append(sb, "%m/%d/%y", t, ns); break;
                case 'e': sb.Append(t.Day.ToString(inv).PadLeft(2)); break;
                case 'f': sb.Append((ns / 1000).ToString("D6", inv)); break;
                case 'F': Append(sb, "%Y-%m-%d", t, ns); break;
                case 'g': sb.Append((ISOWeek.GetYear(t) % 100).ToString("D2", inv)); break;
                case 'G': sb.Append(ISOWeek.GetYear(t).ToString(inv)); break;
                case 'H': sb.Append(t.Hour.ToString("D2", inv)); break;
                case 'I': sb.Append(Hour12(t).ToString("D2", inv)); break;
                case 'j': sb.Append(t.DayOfYear.ToString("D3", inv)); break;
                case 'k': sb.Append(t.Hour.ToString(inv).PadLeft(2)); break;
                case 'l': sb.Append(Hour12(t).ToString(inv).PadLeft(2)); break;
                case 'm': sb.Append(t.Month.ToString("D2", inv)); break;
                case 'M': sb.Append(t.Minute.ToString("D2", inv)); break;
                case 'n': sb.Append('\n'); break;
                case 'p': sb.Append(t.Hour < 12 ? "AM" : "PM"); break;
                case 'P': sb.Append(t.Hour < 12 ? "am" : "pm"); break;
                case 'r': Append(sb, "%I:%M:%S %p", t, ns); break;
                case 'R': Append(sb, "%H:%M", t, ns); break;
                case 's': sb.Append(new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Local)).ToUnixTimeSeconds().ToString(inv)); break;
                case 'S': sb.Append(t.Second.ToString("D2", inv)); break;
                case 't': sb.Append('\t'); break;
                case 'T': Append(sb, "%H:%M:%S", t, ns); break;
                case 'u': sb.Append(t.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)t.DayOfWeek); break;
                case 'U': sb.Append(((t.DayOfYear + 6 - (int)t.DayOfWeek) / 7).ToString("D2", inv)); break;
                case 'V': sb.Append(ISOWeek.GetWeekOfYear(t).ToString("D2", inv)); break;
                case 'w': sb.Append((int)t.DayOfWeek); break;
                case 'W': sb.Append(((t.DayOfYear + 6 - (((int)t.DayOfWeek + 6) % 7)) / 7).ToString("D2", inv)); break;
                case 'x': Append(sb, "%m/%d/%y", t, ns); break;
                case 'X': Append(sb, "%H:%M:%S", t, ns); break;
                case 'y': sb.Append((t.Year % 100).ToString("D2", inv)); break;
                case 'Y': sb.Append(t.Year.ToString(inv)); break;
                case 'z':
                {
                    var offset = TimeZoneInfo.Local.GetUtcOffset(t);
                    sb.Append(offset < TimeSpan.Zero ? '-' : '+');
                    offset = offset.Duration();
                    sb.Append(offset.Hours.ToString("D2", inv)).Append(offset.Minutes.ToString("D2", inv));
                    break;
                }

                case 'Z': sb.Append(ZoneName(t)); break;
                case '%': sb.Append('%'); break;
                default: sb.Append('%').Append(f); break;
            }
        }
    }

    private static int Hour12(DateTime t) => t.Hour % 12 == 0 ? 12 : t.Hour % 12;

    private static string ZoneName(DateTime t)
    {
        var zone = TimeZoneInfo.Local;
        if (zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime)
        {
            return "UTC";
        }

        return zone.IsDaylightSavingTime(t) ? zone.DaylightName : zone.StandardName;
    }
}
