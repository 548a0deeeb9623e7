using System.Text;

namespace BtLang.Driver.Output;

/// <summary>
/// Text rows of a histogram, as bpftrace prints them: buckets from the lowest to the highest non-zero one, each
/// <c>label</c> left-justified in 16 columns, the count right-justified in 8, <c> |</c>, a bar of up to 52 <c>@</c>
/// padded to 52, <c>|</c>. Counts of log2 histograms are divided by <c>div</c>; lhist counts never are.
/// </summary>
public static class HistogramText
{
    public const int BarWidth = 52;

    public static void Append(StringBuilder sb, HistogramValue histogram, long div = 0)
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

        if (min < 0)
        {
            return;
        }

        bool divide = histogram.Layout.Kind == BtLang.Semantics.Formatting.HistogramKind.Log2 && div > 1;
        ulong maxCount = 0;
        for (int i = min; i <= max; i++)
        {
            maxCount = Math.Max(maxCount, Shown(counts[i], divide, div));
        }

        Span<char> digits = stackalloc char[24];
        for (int i = min; i <= max; i++)
        {
            ulong count = Shown(counts[i], divide, div);
            string label = histogram.Layout.Label(i);
            sb.Append(label);
            if (label.Length < 16)
            {
                sb.Append(' ', 16 - label.Length);
            }

            count.TryFormat(digits, out int written, default, System.Globalization.CultureInfo.InvariantCulture);
            if (written < 8)
            {
                sb.Append(' ', 8 - written);
            }

            sb.Append(digits[..written]).Append(" |");
            int bar = maxCount == 0 ? 0 : (int)(count / (float)maxCount * BarWidth);
            bar = Math.Clamp(bar, 0, BarWidth);
            sb.Append('@', bar).Append(' ', BarWidth - bar).Append("|\n");
        }
    }

    private static ulong Shown(ulong count, bool divide, long div) => divide ? count / (ulong)div : count;
}
