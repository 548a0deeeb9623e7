using BtLang.Semantics.Formatting;

namespace BtLang.Semantics.Tests.Formatting;

public class HistogramLayoutTests
{
    [Theory]
    [InlineData(0, 65)]
    [InlineData(1, 127)]
    [InlineData(2, 249)]
    [InlineData(5, 1889)]
    public void Log2_bucket_count_covers_every_s64(int bits, int count)
    {
        Assert.Equal(count, HistogramLayout.Log2BucketCount(bits));
        Assert.Equal(count - 1, HistogramLayout.BucketIndex(long.MaxValue, bits));
    }

    [Theory]
    [InlineData(-1, 0, "(..., 0)")]
    [InlineData(long.MinValue, 0, "(..., 0)")]
    [InlineData(0, 1, "[0]")]
    [InlineData(1, 2, "[1]")]
    [InlineData(2, 3, "[2, 4)")]
    [InlineData(3, 3, "[2, 4)")]
    [InlineData(7, 4, "[4, 8)")]
    [InlineData(20, 6, "[16, 32)")]
    [InlineData(1023, 11, "[512, 1K)")]
    [InlineData(1500, 12, "[1K, 2K)")]
    [InlineData(1048576, 22, "[1M, 2M)")]
    [InlineData(5000000000, 34, "[4G, 8G)")]
    [InlineData(long.MaxValue, 64, "[4E, 8E)")]
    public void Plain_hist_matches_bpftrace_labels(long value, int index, string label)
    {
        var layout = HistogramLayout.Log2(0);
        Assert.Equal(index, HistogramLayout.BucketIndex(value, 0));
        Assert.Equal(label, layout.Label(index));
    }

    [Fact]
    public void Hist_with_two_bits_has_single_values_up_to_seven_then_quarter_powers()
    {
        var layout = HistogramLayout.Log2(2);
        var labels = Enumerable.Range(0, 20).Select(layout.Label).ToArray();
        Assert.Equal(
            new[]
            {
                "(..., 0)", "[0]", "[1]", "[2]", "[3]", "[4]", "[5]", "[6]", "[7]",
                "[8, 10)", "[10, 12)", "[12, 14)", "[14, 16)", "[16, 20)", "[20, 24)", "[24, 28)", "[28, 32)",
                "[32, 40)", "[40, 48)", "[48, 56)",
            },
            labels);
    }

    [Fact]
    public void Hist_labels_switch_suffix_per_power_of_1024_like_bpftrace()
    {
        // hist(v, 2): around 1024, bpftrace picks the suffix by the power of the bucket, not by the value.
        var layout = HistogramLayout.Log2(2);
        int index = HistogramLayout.BucketIndex(2048, 2);
        Assert.Equal("[2048, 2560)", layout.Label(index));
        Assert.Equal("[4K, 5K)", layout.Label(HistogramLayout.BucketIndex(4096, 2)));
    }

    /// <summary>For k = 0..5 and values around every power of two, the bucket of v contains v and the bounds agree.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Bucket_bounds_contain_the_value_for_values_around_powers_of_two(int bits)
    {
        var layout = HistogramLayout.Log2(bits);
        var values = new List<long> { -1, 0, 1, long.MaxValue, long.MinValue };
        for (int p = 0; p < 63; p++)
        {
            long pow = 1L << p;
            values.AddRange([pow - 1, pow, pow + 1, pow + (pow / 2), (pow * 2) - 1]);
        }

        foreach (long v in values.Where(v => v >= -1 || v == long.MinValue))
        {
            int index = HistogramLayout.BucketIndex(v, bits);
            Assert.InRange(index, 0, layout.BucketCount - 1);
            var lower = layout.LowerBound(index);
            var upper = layout.UpperBound(index);
            Assert.NotNull(upper);
            Assert.True(v < upper!.Value.Value, $"k={bits} v={v} index={index} upper={upper.Value.Value}");
            if (v < 0)
            {
                Assert.Null(lower);
            }
            else
            {
                Assert.True(lower!.Value.Value <= v, $"k={bits} v={v} index={index} lower={lower.Value.Value}");
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(5)]
    public void Bucket_index_is_monotonic_and_contiguous(int bits)
    {
        var layout = HistogramLayout.Log2(bits);
        for (int i = 1; i < layout.BucketCount - 1; i++)
        {
            // Upper bound of one bucket is the lower bound of the next, and that value maps to the next bucket.
            Assert.Equal(layout.UpperBound(i)!.Value.Value, layout.LowerBound(i + 1)!.Value.Value);
            var lower = layout.LowerBound(i + 1)!.Value.Value;
            Assert.Equal(i + 1, HistogramLayout.BucketIndex((long)lower, bits));
            Assert.Equal(i, HistogramLayout.BucketIndex((long)lower - 1, bits));
        }
    }

    [Fact]
    public void Lhist_labels_match_bpftrace()
    {
        var layout = HistogramLayout.Linear(0, 10, 2);
        Assert.Equal(7, layout.BucketCount);
        Assert.Equal(new[] { 0, 2, 2, 4, 5, 6 }, new long[] { -5, 3, 3, 7, 9, 100 }.Select(v => layout.IndexOf(v)));
        Assert.Equal(6, layout.IndexOf(100));
        Assert.Equal(6, layout.IndexOf(10));
        Assert.Equal(
            new[] { "(..., 0)", "[0, 2)", "[2, 4)", "[4, 6)", "[6, 8)", "[8, 10)", "[10, ...)" },
            Enumerable.Range(0, 7).Select(layout.Label));
    }

    [Fact]
    public void Lhist_with_kilo_step_uses_K_and_M_suffixes()
    {
        var layout = HistogramLayout.Linear(0, 8192, 1024);
        Assert.Equal("[2K, 3K)", layout.Label(layout.IndexOf(3000)));
        Assert.Equal("[0, 1K)", layout.Label(1));
        Assert.Equal("[8K, ...)", layout.Label(layout.IndexOf(9000)));
        var mega = HistogramLayout.Linear(0, 4 * 1048576, 1048576);
        Assert.Equal("[1M, 2M)", mega.Label(2));
    }

    [Fact]
    public void Lhist_step_one_prints_single_values_like_bpftrace_0_26()
    {
        var layout = HistogramLayout.Linear(0, 5, 1);
        Assert.Equal("[3]", layout.Label(layout.IndexOf(3)));
        Assert.Equal("[5, ...)", layout.Label(layout.IndexOf(7)));
    }

    [Fact]
    public void Lhist_remainder_when_step_does_not_divide_the_range()
    {
        var layout = HistogramLayout.Linear(0, 10, 3);
        Assert.Equal(5, layout.BucketCount);
        Assert.Equal(4, layout.IndexOf(9));
        Assert.Equal("[9, ...)", layout.Label(4));
        Assert.Equal("[6, 9)", layout.Label(3));
    }

    [Fact]
    public void Invalid_layouts_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HistogramLayout.Log2(6));
        Assert.Throws<ArgumentOutOfRangeException>(() => HistogramLayout.Linear(0, 10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => HistogramLayout.Linear(10, 10, 1));
    }
}
