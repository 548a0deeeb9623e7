using BtLang.Semantics.ProbeCatalog;
using BtLang.Semantics.ProbeCatalog.Elf;

namespace BtLang.Semantics.Tests.ProbeCatalog;

public class BinaryResolverTests
{
    [Fact]
    public void Parses_the_system_ld_so_cache()
    {
        var entries = LdSoCache.Read("/etc/ld.so.cache");
        Assert.NotEmpty(entries);
        var libc = entries.First(e => e.Name == "libc.so.6");
        Assert.True(File.Exists(libc.Path), libc.Path);
        Assert.True(libc.IsX8664);
        // ldconfig -p prints the same mapping.
        var (code, text) = CatalogFixtures.Run("/sbin/ldconfig", "-p");
        Assert.Equal(0, code);
        Assert.Contains($"libc.so.6 (libc6,x86-64) => {libc.Path}", text);
        Assert.Empty(LdSoCache.Parse([1, 2, 3]));
        Assert.Empty(LdSoCache.Read("/nonexistent/ld.so.cache"));
    }

    [Fact]
    public void Resolves_libraries_programs_and_paths_like_bpftrace()
    {
        var resolver = new BinaryResolver(pathVariable: "/usr/bin:/bin");
        string libc = resolver.Resolve("libc")!;
        Assert.EndsWith("/libc.so.6", libc);
        Assert.Equal(libc, resolver.Resolve("c"));
        Assert.Equal(libc, resolver.Resolve("libc.so.6"));
        Assert.Equal("/usr/bin/bash", resolver.Resolve("bash"));
        Assert.Equal("/bin/bash", resolver.Resolve("/bin/bash"));
        Assert.Null(resolver.Resolve("/nonexistent/bin"));
        Assert.Null(resolver.Resolve("no-such-program-or-library"));
    }

    [Fact]
    public void Without_a_cache_falls_back_to_library_directories()
    {
        var resolver = new BinaryResolver(pathVariable: "", ldSoCachePath: "/nonexistent");
        Assert.EndsWith("/libc.so.6", resolver.Resolve("libc"));
    }

    [Fact]
    public void With_a_pid_prefers_the_libraries_the_process_maps()
    {
        var catalog = new SystemProbeCatalog();
        string? mapped = catalog.ResolveBinary("libc", Environment.ProcessId);
        Assert.NotNull(mapped);
        Assert.Contains("libc.so.6", mapped);
    }

    [Fact]
    public void Lists_libc_functions_as_bpftrace_does()
    {
        var catalog = new SystemProbeCatalog();
        var lines = new BtLang.Semantics.ProbeCatalog.Listing.ProbeLister(catalog).ListLines("uprobe:libc:mallo*", verbose: false).ToArray();
        string libc = catalog.ResolveBinary("libc")!;
        Assert.Contains($"uprobe:{libc}:malloc", lines);
        Assert.Contains($"uprobe:{libc}:malloc_usable_size", lines);
        Assert.DoesNotContain($"uprobe:{libc}:free", lines);
    }
}
