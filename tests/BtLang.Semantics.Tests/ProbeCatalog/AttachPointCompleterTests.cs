using BtLang.Semantics.ProbeCatalog;
using BtLang.Semantics.ProbeCatalog.Completion;

namespace BtLang.Semantics.Tests.ProbeCatalog;

public class AttachPointCompleterTests
{
    private static AttachPointCompleter Basic() => new(new SystemProbeCatalog(ProbeCatalogOptions.ForFixture(CatalogFixtures.Directory("basic"))));

    private static string[] Labels(AttachPointCompletionResult result) => result.Items.Select(i => i.Label).ToArray();

    [Fact]
    public void Completes_providers()
    {
        var result = Basic().Complete("tr");
        Assert.Equal(0, result.ReplaceStart);
        Assert.Equal(["tracepoint"], Labels(result));
        Assert.Equal("tracepoint:category:event", result.Items[0].Detail);
        Assert.Contains("kretprobe", Labels(Basic().Complete("k")));
        Assert.Contains("kfunc", Labels(Basic().Complete("k")));
    }

    [Fact]
    public void Completes_tracepoint_categories_and_events_with_fields()
    {
        var categories = Basic().Complete("tracepoint:s");
        Assert.Equal(11, categories.ReplaceStart);
        Assert.Equal(["sched", "syscalls"], Labels(categories));
        var events = Basic().Complete("t:syscalls:sys_enter_o");
        Assert.Equal(["sys_enter_open", "sys_enter_openat"], Labels(events));
        var openat = events.Items[1];
        Assert.Equal("tracepoint, 5 fields", openat.Detail);
        Assert.Contains("const char * filename", openat.Documentation);
        Assert.Equal(["sys_enter_open", "sys_enter_openat", "sys_exit_openat"], Labels(Basic().Complete("tracepoint:syscalls:*open")));
    }

    [Fact]
    public void Completes_kernel_functions_raw_tracepoints_and_events()
    {
        var fentry = Basic().Complete("fentry:do_");
        Assert.Equal(["do_sys_open"], Labels(fentry));
        Assert.Equal("long do_sys_open(int dfd, const char *filename, int flags, unsigned short mode)", fentry.Items[0].Detail);
        Assert.Equal(["sched_switch"], Labels(Basic().Complete("rawtracepoint:s")));
        Assert.Equal(["cpu-clock", "cpu", "cpu-migrations"], Labels(Basic().Complete("software:cpu")));
        Assert.Equal(["hz", "s", "ms", "us"], Labels(Basic().Complete("profile:")));
        Assert.Empty(Labels(Basic().Complete("nosuch:")));
        Assert.Empty(Labels(Basic().Complete("BEGIN:")));
    }

    [Fact]
    public void Caps_results_and_reports_incomplete()
    {
        var result = Basic().Complete("", maxItems: 3);
        Assert.Equal(3, result.Items.Length);
        Assert.True(result.IsIncomplete);
        Assert.False(Basic().Complete("tracepoint:s").IsIncomplete);
    }

    [Fact]
    public void Completes_uprobe_symbols_of_the_named_binary()
    {
        var completer = new AttachPointCompleter(new SystemProbeCatalog());
        var result = completer.Complete("uprobe:/bin/bash:readl");
        Assert.Contains("readline", Labels(result));
        Assert.All(result.Items, i => Assert.StartsWith("readl", i.Label));
        Assert.Contains("/bin/bash", Labels(completer.Complete("uprobe:/bin/ba")));
        Assert.Contains("malloc", Labels(completer.Complete("uprobe:libc:mallo")));
    }
}
