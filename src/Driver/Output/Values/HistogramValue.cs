namespace BtLang.Driver.Output;

/// <summary>A merged <c>hist()</c>/<c>lhist()</c>: one counter per bucket of <see cref="Layout"/>.</summary>
public sealed record HistogramValue(BtLang.Semantics.Formatting.HistogramLayout Layout, System.Collections.Immutable.ImmutableArray<ulong> Counts) : Value
{
    /// <summary>Sum of all buckets (maps of histograms are ordered by it).</summary>
    public ulong Total
    {
        get
        {
            ulong total = 0;
            foreach (var c in Counts)
            {
                total += c;
            }

            return total;
        }
    }
}
