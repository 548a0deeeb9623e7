using BtLang.Semantics.ProbeCatalog;
using BtLang.Semantics.ProbeCatalog.Listing;
using BtLang.Semantics.ProbeCatalog.Tracepoints;

namespace BtLang.Semantics.Tests.ProbeCatalog;

public class FixtureCatalogTests
{
    private static SystemProbeCatalog Basic() => new(ProbeCatalogOptions.ForFixture(CatalogFixtures.Directory("basic")));

    [Fact]
    public void Reads_tracepoints_from_a_fixture_tracefs()
    {
        var catalog = Basic();
        Assert.Equal(TracefsStatus.Available, catalog.TracefsStatus);
        Assert.Equal(TracepointSource.Tracefs, catalog.TracepointSource);
        Assert.Equal(
            ["raw_syscalls:sys_enter", "sched:sched_process_exec", "sched:sched_switch", "syscalls:sys_enter_open", "syscalls:sys_enter_openat", "syscalls:sys_exit_openat"],
            catalog.Tracepoints.Select(t => t.ToString()));
        Assert.NotNull(catalog.GetTracepoint("sched", "sched_switch"));
        Assert.Null(catalog.GetTracepoint("sched", "nope"));
        Assert.Null(catalog.GetTracepoint("..", "sched"));
    }

    [Fact]
    public void Matches_tracepoint_wildcards()
    {
        var catalog = Basic();
        Assert.Equal(["syscalls:sys_enter_open", "syscalls:sys_enter_openat"],
            ProbeMatcher.MatchTracepoints(catalog, "syscalls", "sys_enter_open*").Select(t => t.ToString()));
        Assert.Equal(["sched:sched_process_exec", "sched:sched_switch", "syscalls:sys_enter_open", "syscalls:sys_enter_openat", "syscalls:sys_exit_openat"],
            ProbeMatcher.MatchTracepoints(catalog, "s*", "*").Select(t => t.ToString()));
        Assert.Equal(["sched:sched_switch"], ProbeMatcher.MatchTracepoints(catalog, "sched", "sched_switch").Select(t => t.ToString()));
        Assert.Empty(ProbeMatcher.MatchTracepoints(catalog, "sched", "sched_nothing"));
    }

    [Fact]
    public void Without_available_events_enumerates_directories_and_skips_ftrace()
    {
        var catalog = new SystemProbeCatalog(ProbeCatalogOptions.ForFixture(CatalogFixtures.Directory("nofile")));
        Assert.Equal(["sched:sched_switch"], catalog.Tracepoints.Select(t => t.ToString()));
    }

    [Fact]
    public void Reports_an_unmounted_tracefs_and_falls_back_to_the_bundled_catalog()
    {
        string empty = Path.Combine(Path.GetTempPath(), "btlang-empty-tracefs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(empty);
        try
        {
            var strict = new SystemProbeCatalog(new ProbeCatalogOptions { TracefsRoot = empty, UseBundledTracepoints = false });
            Assert.Equal(TracefsStatus.NotMounted, strict.TracefsStatus);
            Assert.Equal(TracepointSource.None, strict.TracepointSource);
            Assert.Empty(strict.Tracepoints);

            var withFallback = new SystemProbeCatalog(new ProbeCatalogOptions { TracefsRoot = empty });
            Assert.Equal(TracefsStatus.NotMounted, withFallback.TracefsStatus);
            Assert.Equal(TracepointSource.Bundled, withFallback.TracepointSource);
            var openat = withFallback.GetTracepoint("syscalls", "sys_enter_openat");
            Assert.NotNull(openat);
            Assert.Equal("const char *", openat!.FindField("filename")!.TypeText);
            Assert.Null(openat.Id);
        }
        finally
        {
            Directory.Delete(empty);
        }
        Assert.Equal(TracefsStatus.Missing, TracefsTracepointProvider.Probe("/nonexistent/tracefs"));
    }

    [Fact]
    public void Bundled_format_round_trips()
    {
        var source = new TracefsTracepointProvider(Path.Combine(CatalogFixtures.Directory("basic"), "tracing"));
        var events = source.Names.Select(n => source.GetEvent(n.Category, n.Name)!).ToList();
        using var buffer = new MemoryStream();
        BundledTracepointProvider.Write(buffer, events);
        buffer.Position = 0;
        var bundled = BundledTracepointProvider.Read(buffer);
        Assert.Equal(source.Names, bundled.Names);
        foreach (var e in events)
            Assert.Equal(e.AllFields.ToArray(), bundled.GetEvent(e.Category, e.Name)!.AllFields.ToArray());
        Assert.Null(bundled.GetEvent("sched", "nope"));
    }

    [Fact]
    public async Task Notices_tracefs_once_it_is_mounted()
    {
        string root = Path.Combine(Path.GetTempPath(), "btlang-late-tracefs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            var catalog = new SystemProbeCatalog(new ProbeCatalogOptions { TracefsRoot = root });
            Assert.Equal(TracefsStatus.NotMounted, catalog.TracefsStatus);
            Assert.Equal(TracepointSource.Bundled, catalog.TracepointSource);
            // "Mount" it: the same layout as the fixture appears.
            string format = Path.Combine(CatalogFixtures.Directory("basic"), "tracing", "events", "sched", "sched_switch", "format");
            Directory.CreateDirectory(Path.Combine(root, "events", "sched", "sched_switch"));
            File.Copy(format, Path.Combine(root, "events", "sched", "sched_switch", "format"));
            await Task.Delay(600);
            Assert.Equal(TracefsStatus.Available, catalog.TracefsStatus);
            Assert.Equal(TracepointSource.Tracefs, catalog.TracepointSource);
            Assert.Equal(["sched:sched_switch"], catalog.Tracepoints.Select(t => t.ToString()));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Reads_kernel_btf_and_raw_tracepoints_from_the_fixture()
    {
        var catalog = Basic();
        Assert.NotNull(catalog.KernelBtf);
        Assert.Null(catalog.KernelBtfError);
        Assert.Equal(["sched_switch"], catalog.RawTracepoints);
        var args = catalog.GetRawTracepointArguments("sched_switch")!.Value;
        Assert.Equal(["preempt", "prev", "next", "prev_state"], args.Select(a => a.Name));
        // No available_filter_functions in the fixture: kernel functions come from BTF.
        Assert.Equal(KernelFunctionSource.Btf, catalog.KernelFunctionSource);
        Assert.Contains("do_sys_open", catalog.KernelFunctions);
        Assert.Equal(["dfd", "filename", "flags", "mode"], catalog.GetKernelFunction("do_sys_open")!.Parameters.Select(p => p.Name));
        Assert.DoesNotContain("vmlinux", catalog.BtfModules);
    }

    [Fact]
    public void Missing_btf_is_reported_not_thrown()
    {
        var catalog = new SystemProbeCatalog(new ProbeCatalogOptions { BtfPath = "/nonexistent/vmlinux" });
        Assert.Null(catalog.KernelBtf);
        Assert.Contains("/nonexistent/vmlinux", catalog.KernelBtfError);
        Assert.Empty(catalog.RawTracepoints);
        Assert.Null(catalog.GetKernelFunction("do_sys_open"));
    }
}
