using System.Collections.Immutable;
using System.Reflection;
using BtLang.Diagnostics;
using BtLang.Semantics.ProbeCatalog;
using BtLang.Semantics.Tests.ProbeCatalog;
using BtLang.Syntax;

namespace BtLang.Semantics.Tests.Binding;

/// <summary>
/// A tracepoint named in full is checked by reading its format, not by loading the catalog's list of every
/// tracepoint (on a real kernel all of tracefs's available_events: ~2,300 names, ~5 MB allocated, ~6 ms of a compile).
/// The list is still read for wildcards and for names without a format, so the errors stay the same.
/// </summary>
public sealed class TracepointListTests
{
    private static (ImmutableArray<Diagnostic> Diagnostics, int ListReads) Bind(string fixture, string source)
    {
        var catalog = CountingCatalog.Wrap(new SystemProbeCatalog(ProbeCatalogOptions.ForFixture(CatalogFixtures.Directory(fixture))));
        var compilation = Compilation.Create(SyntaxTree.ParseText(source), new CompilationOptions { Catalog = catalog });
        var diagnostics = compilation.GetDiagnostics();
        return (diagnostics, ((CountingCatalog)(object)catalog).TracepointListReads);
    }

    [Fact]
    public void A_tracepoint_named_in_full_binds_without_the_tracepoint_list()
    {
        var (diagnostics, reads) = Bind("basic", "tracepoint:sched:sched_switch { @[args.prev_pid] = count(); }");
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        Assert.Equal(0, reads);
    }

    [Fact]
    public void An_unknown_tracepoint_is_still_an_error()
    {
        var (diagnostics, reads) = Bind("basic", "tracepoint:sched:sched_nothing { @ = count(); }");
        Assert.Contains(diagnostics, d => d.IsError && d.Message.Contains("tracepoint not found: sched:sched_nothing", StringComparison.Ordinal));
        Assert.True(reads > 0);
    }

    [Fact]
    public void An_ftrace_internal_event_with_a_format_is_still_not_a_tracepoint()
    {
        // The fixture has events/ftrace/function/format, as the kernel does; it cannot be attached to.
        var (diagnostics, _) = Bind("nofile", "tracepoint:ftrace:function { @ = count(); }");
        Assert.Contains(diagnostics, d => d.IsError && d.Message.Contains("tracepoint not found: ftrace:function", StringComparison.Ordinal));
    }

    [Fact]
    public void Wildcards_still_match_against_the_list()
    {
        var (diagnostics, reads) = Bind("basic", "tracepoint:syscalls:sys_enter_open* { @ = count(); }");
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        Assert.True(reads > 0);
        var (nothing, _) = Bind("basic", "tracepoint:syscalls:nothing_* { @ = count(); }");
        Assert.Contains(nothing, d => d.Id == "BT1504"); // matches no probe
    }

    /// <summary>Forwards every call to a real catalog and counts the reads of <see cref="IProbeCatalog.Tracepoints"/>.</summary>
    public class CountingCatalog : DispatchProxy
    {
        private IProbeCatalog _inner = null!;

        public int TracepointListReads { get; private set; }

        public static IProbeCatalog Wrap(IProbeCatalog inner)
        {
            var proxy = Create<IProbeCatalog, CountingCatalog>();
            ((CountingCatalog)(object)proxy)._inner = inner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == "get_" + nameof(IProbeCatalog.Tracepoints))
            {
                TracepointListReads++;
            }

            try
            {
                return targetMethod.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }
    }
}
